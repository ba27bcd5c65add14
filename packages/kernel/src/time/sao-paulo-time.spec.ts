import { instantToOlistLocal, instantToSaoPauloIso, parseOlistLocal, saoPauloEpochDay, saoPauloOffsetMs, saoPauloWallClock } from './sao-paulo-time';

function olistLocalToInstant(text: string): Date {
  const instant = parseOlistLocal(text);
  if (instant === null) throw new Error(`not a local time: ${text}`);
  return instant;
}

describe('São Paulo local time', () => {
  it('reads a winter (standard time, -03:00) timestamp', () => {
    expect(olistLocalToInstant('2017-06-01 10:00:00').toISOString()).toBe('2017-06-01T13:00:00.000Z');
  });

  it('reads a summer timestamp of the DST years (-02:00)', () => {
    expect(olistLocalToInstant('2017-11-01 10:00:00').toISOString()).toBe('2017-11-01T12:00:00.000Z');
    expect(olistLocalToInstant('2018-01-18 21:46:59').toISOString()).toBe('2018-01-18T23:46:59.000Z');
  });

  it('reads a summer timestamp after Brazil abolished DST in 2019 as -03:00', () => {
    expect(olistLocalToInstant('2019-11-01 10:00:00').toISOString()).toBe('2019-11-01T13:00:00.000Z');
  });

  it('resolves the midnight skipped when DST started (2017-10-15) forward, like Temporal "compatible"', () => {
    // 00:00-00:59 did not exist that night: clocks went from 23:59:59 -03 to 01:00:00 -02.
    expect(olistLocalToInstant('2017-10-15 00:30:00').toISOString()).toBe('2017-10-15T03:30:00.000Z');
    expect(instantToOlistLocal(olistLocalToInstant('2017-10-15 00:30:00'))).toBe('2017-10-15 01:30:00');
    expect(olistLocalToInstant('2017-10-14 23:59:59').toISOString()).toBe('2017-10-15T02:59:59.000Z');
    expect(olistLocalToInstant('2017-10-15 01:00:00').toISOString()).toBe('2017-10-15T03:00:00.000Z');
  });

  it('resolves the hour repeated when DST ended (2018-02-17 23:xx) to the earlier instant', () => {
    expect(olistLocalToInstant('2018-02-17 23:30:00').toISOString()).toBe('2018-02-18T01:30:00.000Z');
    expect(olistLocalToInstant('2018-02-18 00:30:00').toISOString()).toBe('2018-02-18T03:30:00.000Z');
  });

  it('writes an instant back as Olist local text', () => {
    expect(instantToOlistLocal(new Date('2017-11-01T12:00:00Z'))).toBe('2017-11-01 10:00:00');
    expect(instantToOlistLocal(new Date('2017-06-01T13:00:00Z'))).toBe('2017-06-01 10:00:00');
    expect(instantToOlistLocal(new Date('2018-02-18T02:30:00Z'))).toBe('2018-02-17 23:30:00');
  });

  it('round-trips real Olist timestamps', () => {
    for (const text of [
      '2017-10-02 10:56:33',
      '2018-07-24 20:41:37',
      '2016-10-05 22:44:13',
      '2018-02-19 19:48:52',
    ]) {
      expect(instantToOlistLocal(olistLocalToInstant(text))).toBe(text);
    }
  });

  it('gives the offset in force and an ISO text with it', () => {
    expect(saoPauloOffsetMs(new Date('2017-11-01T12:00:00Z'))).toBe(-2 * 3_600_000);
    expect(saoPauloOffsetMs(new Date('2017-06-01T12:00:00Z'))).toBe(-3 * 3_600_000);
    expect(instantToSaoPauloIso(new Date('2017-11-01T12:00:00Z'))).toBe('2017-11-01T10:00:00-02:00');
    expect(instantToSaoPauloIso(new Date('2017-06-01T13:00:00Z'))).toBe('2017-06-01T10:00:00-03:00');
  });

  it.each([
    '2017-10-02T10:56:33',
    '10/2/2017 10:56',
    '2017-02-30 10:00:00',
    '2017-10-02 24:00:00',
    '2017-10-02 10:60:00',
    '2017-10-02 10:00:60',
    '2017-13-01 10:00:00',
    '',
  ])('answers null for %j (each context raises its own error naming its field)', (text) => {
    expect(parseOlistLocal(text)).toBeNull();
  });

  it('reads the wall clock and the calendar day in São Paulo, summer time included', () => {
    expect(saoPauloWallClock(Date.parse('2017-12-10T01:30:00Z'))).toEqual({ year: 2017, month: 12, day: 9, hour: 23, minute: 30, second: 0 });
    // Summer time (UTC-2) until February 2019: 01:30 UTC on the 10th was already the 10th there.
    expect(new Date(saoPauloEpochDay(new Date('2017-12-10T02:30:00Z')) * 86_400_000).toISOString()).toBe('2017-12-10T00:00:00.000Z');
    expect(new Date(saoPauloEpochDay(new Date('2017-06-10T02:30:00Z')) * 86_400_000).toISOString()).toBe('2017-06-09T00:00:00.000Z');
  });

  it('agrees with the Intl formatter at every 37th minute from 2016 to 2019 (cached offsets are exact)', () => {
    const formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/Sao_Paulo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const end = Date.UTC(2020, 0, 1);
    for (let time = Date.UTC(2016, 0, 1, 0, 0, 13); time < end; time += 37 * 60_000) {
      const instant = new Date(time);
      const local = instantToOlistLocal(instant);
      expect(local).toBe(formatter.format(instant));
      if (olistLocalToInstant(local).getTime() !== time) {
        // Only the hour repeated at the end of DST reads back as its earlier instant.
        expect(olistLocalToInstant(local).getTime()).toBe(time - 3_600_000);
      }
    }
  });

  it('handles local mean time before 1914, when the offset was not whole minutes', () => {
    expect(saoPauloOffsetMs(new Date('1913-12-31T12:00:00Z'))).toBe(-(3 * 3600 + 6 * 60 + 28) * 1000);
    expect(instantToOlistLocal(new Date('1914-01-01T03:06:00Z'))).toBe('1913-12-31 23:59:32');
    expect(instantToOlistLocal(new Date('1914-01-01T03:07:00Z'))).toBe('1914-01-01 00:07:00');
  });
});
