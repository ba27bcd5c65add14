import { InvalidLocalTimestampError, instantToOlistLocal, olistLocalToInstant } from './sao-paulo-time';

// The zone's rules are tested in @mercado/kernel; here, the sales context's use of them.
describe('São Paulo local time in the sales context', () => {
  it('reads Olist local timestamps of standard and summer time and writes them back', () => {
    expect(olistLocalToInstant('2017-06-01 10:00:00').toISOString()).toBe('2017-06-01T13:00:00.000Z');
    expect(olistLocalToInstant('2017-11-01 10:00:00').toISOString()).toBe('2017-11-01T12:00:00.000Z');
    expect(instantToOlistLocal(olistLocalToInstant('2018-02-19 19:48:52'))).toBe('2018-02-19 19:48:52');
  });

  it.each(['2017-10-02T10:56:33', '2017-02-30 10:00:00', ''])('refuses %j with a sales domain error naming the field', (text) => {
    const attempt = () => olistLocalToInstant(text, 'order_approved_at');
    expect(attempt).toThrow(InvalidLocalTimestampError);
    expect(attempt).toThrow(/order_approved_at/);
  });
});
