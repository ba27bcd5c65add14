import type Joi from 'joi';
import {
  anomaliesSchema,
  businessDateOf,
  centsSchema,
  dateSchema,
  daysBetween,
  locationSchema,
  timestampSchema,
  zipPrefixSchema,
} from './common.schema';

const strict = { convert: false };
const accepts = (schema: Joi.Schema, value: unknown) => schema.validate(value, strict).error === undefined;

describe('timestampSchema', () => {
  it.each([
    '2018-06-12T09:51:55-03:00',
    '2018-01-22T19:36:30-02:00',
    '2017-10-02T14:07:15.000Z',
    '2016-02-29T23:59:59.123456+00:00',
  ])('accepts %s', (value) => expect(accepts(timestampSchema, value)).toBe(true));

  it.each([
    ['no offset', '2018-06-12T09:51:55'],
    ['Olist local format', '2018-06-12 09:51:55'],
    ['a date only', '2018-06-12'],
    ['no such day', '2017-02-29T10:00:00-03:00'],
    ['no such month', '2017-13-01T10:00:00-03:00'],
    ['hour 24', '2017-01-01T24:00:00-03:00'],
    ['a number', 1528807915000],
  ])('rejects %s', (_why, value) => {
    const { error } = timestampSchema.validate(value, strict);
    expect(error).toBeDefined();
  });

  it('explains the expected form', () => {
    expect(timestampSchema.label('purchased_at').validate('2018-06-12 09:51:55').error!.message).toBe(
      '"purchased_at" must be an ISO-8601 date-time with an offset, e.g. 2017-10-02T10:56:33-03:00',
    );
  });
});

describe('dateSchema', () => {
  it('accepts calendar dates and rejects anything else', () => {
    expect(accepts(dateSchema, '2018-07-24')).toBe(true);
    expect(accepts(dateSchema, '2016-02-29')).toBe(true);
    expect(accepts(dateSchema, '2018-02-30')).toBe(false);
    expect(accepts(dateSchema, '2018-07-24T00:00:00-03:00')).toBe(false);
    expect(dateSchema.label('as_of').validate('24/07/2018').error!.message).toBe(
      '"as_of" must be a calendar date YYYY-MM-DD',
    );
  });
});

describe('money, zip prefixes, locations, anomaly flags', () => {
  it('money is integer cents, never a float or a string', () => {
    expect(accepts(centsSchema, 11890)).toBe(true);
    expect(accepts(centsSchema, 0)).toBe(true);
    expect(accepts(centsSchema, 118.9)).toBe(false);
    expect(accepts(centsSchema, '11890')).toBe(false);
    expect(accepts(centsSchema, -1)).toBe(false);
  });

  it('a zip prefix is five digits of text, leading zeros kept', () => {
    expect(accepts(zipPrefixSchema, '01151')).toBe(true);
    expect(accepts(zipPrefixSchema, '1151')).toBe(false);
    expect(accepts(zipPrefixSchema, 1151)).toBe(false);
  });

  it('a location needs a known state', () => {
    expect(accepts(locationSchema, { zip_prefix: '01151', city: 'sao paulo', state: 'SP' })).toBe(true);
    const { error } = locationSchema.validate(
      { zip_prefix: '01151', city: 'sao paulo', state: 'XX' },
      strict,
    );
    expect(error!.details[0]!.path).toEqual(['state']);
  });

  it('anomaly flags are unique kebab-case words', () => {
    expect(accepts(anomaliesSchema, ['time-estimated', 'some-future-flag'])).toBe(true);
    expect(accepts(anomaliesSchema, ['Time Estimated'])).toBe(false);
    expect(accepts(anomaliesSchema, ['no-items', 'no-items'])).toBe(false);
  });
});

describe('business calendar (America/Sao_Paulo)', () => {
  it('takes the São Paulo date of an instant, whatever offset it is written in', () => {
    expect(businessDateOf('2018-06-18T23:30:00-03:00')).toBe('2018-06-18');
    expect(businessDateOf('2018-06-19T02:30:00Z')).toBe('2018-06-18');
    expect(businessDateOf(new Date('2018-01-09T01:30:00Z'))).toBe('2018-01-08'); // summer time, -02:00
    expect(businessDateOf(new Date('2018-01-09T02:30:00Z'))).toBe('2018-01-09');
  });

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2018-07-24', '2018-06-18')).toBe(-36);
    expect(daysBetween('2018-01-03', '2018-01-09')).toBe(6);
    expect(daysBetween('2018-02-17', '2018-02-18')).toBe(1);
  });
});
