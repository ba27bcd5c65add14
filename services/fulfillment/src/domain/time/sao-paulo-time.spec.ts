import { InvalidLocalTimestampError, olistLocalToInstant, saoPauloDateOf } from './sao-paulo-time';

// Brazil's summer time (UTC-2) in the Olist years: 2016-10-16 → 2017-02-19, 2017-10-15 → 2018-02-18,
// and from 2018-11-04 (the clocks jumped from 00:00 to 01:00 and fell back from 00:00 to 23:00).
describe('olistLocalToInstant', () => {
  it('reads standard time as UTC-3 and summer time as UTC-2', () => {
    expect(olistLocalToInstant('2017-10-02 10:56:33').toISOString()).toBe('2017-10-02T13:56:33.000Z');
    expect(olistLocalToInstant('2018-01-22 19:36:30').toISOString()).toBe('2018-01-22T21:36:30.000Z');
    expect(olistLocalToInstant('2016-12-01 00:00:00').toISOString()).toBe('2016-12-01T02:00:00.000Z');
  });

  it('reads a wall time skipped when summer time starts with the offset before the gap', () => {
    expect(olistLocalToInstant('2017-10-15 00:30:00').toISOString()).toBe('2017-10-15T03:30:00.000Z');
    expect(olistLocalToInstant('2017-10-15 01:30:00').toISOString()).toBe('2017-10-15T03:30:00.000Z');
  });

  it('reads a wall time repeated when summer time ends as the earlier instant', () => {
    // 2018-02-17 23:30 happened twice: first at UTC-2, then again at UTC-3.
    expect(olistLocalToInstant('2018-02-17 23:30:00').toISOString()).toBe('2018-02-18T01:30:00.000Z');
    expect(olistLocalToInstant('2018-02-18 00:30:00').toISOString()).toBe('2018-02-18T03:30:00.000Z');
  });

  it.each([
    '2017-10-02T10:56:33',
    '2017-02-30 10:00:00',
    '2017-10-02 24:00:00',
    '2017-10-02 10:60:00',
    '02/10/2017 10:56',
    '',
  ])('refuses %j naming the field', (text) => {
    expect(() => olistLocalToInstant(text, 'order_approved_at')).toThrow(InvalidLocalTimestampError);
    try {
      olistLocalToInstant(text, 'order_approved_at');
    } catch (error) {
      expect((error as InvalidLocalTimestampError).field).toBe('order_approved_at');
      expect((error as InvalidLocalTimestampError).code).toBe('invalid-timestamp');
    }
  });
});

describe('saoPauloDateOf', () => {
  it('gives the São Paulo calendar date of an instant in standard time', () => {
    expect(saoPauloDateOf(new Date('2017-10-03T02:59:59Z')).toString()).toBe('2017-10-02'); // 23:59:59 -03
    expect(saoPauloDateOf(new Date('2017-10-03T03:00:00Z')).toString()).toBe('2017-10-03');
  });

  it('follows summer time: midnight is at 02:00 UTC', () => {
    expect(saoPauloDateOf(new Date('2017-12-10T01:59:59Z')).toString()).toBe('2017-12-09');
    expect(saoPauloDateOf(new Date('2017-12-10T02:00:00Z')).toString()).toBe('2017-12-10'); // 00:00 -02
  });

  it('handles the nights the clocks changed', () => {
    // 2016-10-16: at 03:00 UTC the clocks jumped from 00:00 to 01:00.
    expect(saoPauloDateOf(new Date('2016-10-16T02:59:59Z')).toString()).toBe('2016-10-15');
    expect(saoPauloDateOf(new Date('2016-10-16T03:00:00Z')).toString()).toBe('2016-10-16');
    // 2017-02-19: at 02:00 UTC the clocks fell back from 00:00 to 23:00 on the 18th.
    expect(saoPauloDateOf(new Date('2017-02-19T01:59:59Z')).toString()).toBe('2017-02-18');
    expect(saoPauloDateOf(new Date('2017-02-19T02:30:00Z')).toString()).toBe('2017-02-18');
    expect(saoPauloDateOf(new Date('2017-02-19T03:00:00Z')).toString()).toBe('2017-02-19');
  });

  it('round-trips Olist local timestamps to their own date', () => {
    for (const text of [
      '2017-02-18 23:59:59',
      '2017-10-15 01:00:00',
      '2018-02-17 23:00:00',
      '2018-11-04 01:00:00',
    ]) {
      expect(saoPauloDateOf(olistLocalToInstant(text)).toString()).toBe(text.slice(0, 10));
    }
  });
});
