import { brazilianHolidays, easterSunday } from './brazilian-holidays';
import { isoDayOfWeek } from './calendar-date';

// Published calendars (Easter Sunday by year); every movable day below follows from them.
const EASTER: Record<number, string> = {
  2016: '2016-03-27', 2017: '2017-04-16', 2018: '2018-04-01', 2019: '2019-04-21', 2020: '2020-04-12',
  2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09', 2024: '2024-03-31', 2025: '2025-04-20',
  2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21',
};
const CARNIVAL_TUESDAY: Record<number, string> = {
  2016: '2016-02-09', 2017: '2017-02-28', 2018: '2018-02-13', 2019: '2019-03-05', 2020: '2020-02-25',
  2021: '2021-02-16', 2022: '2022-03-01', 2023: '2023-02-21', 2024: '2024-02-13', 2025: '2025-03-04',
  2026: '2026-02-17', 2027: '2027-02-09', 2028: '2028-02-29', 2029: '2029-02-13', 2030: '2030-03-05',
};
const GOOD_FRIDAY: Record<number, string> = {
  2016: '2016-03-25', 2017: '2017-04-14', 2018: '2018-03-30', 2019: '2019-04-19', 2020: '2020-04-10',
  2021: '2021-04-02', 2022: '2022-04-15', 2023: '2023-04-07', 2024: '2024-03-29', 2025: '2025-04-18',
  2026: '2026-04-03', 2027: '2027-03-26', 2028: '2028-04-14', 2029: '2029-03-30', 2030: '2030-04-19',
};
const CORPUS_CHRISTI: Record<number, string> = {
  2016: '2016-05-26', 2017: '2017-06-15', 2018: '2018-05-31', 2019: '2019-06-20', 2020: '2020-06-11',
  2021: '2021-06-03', 2022: '2022-06-16', 2023: '2023-06-08', 2024: '2024-05-30', 2025: '2025-06-19',
  2026: '2026-06-04', 2027: '2027-05-27', 2028: '2028-06-15', 2029: '2029-05-31', 2030: '2030-06-20',
};

const years = Object.keys(EASTER).map(Number);

describe('Easter Sunday', () => {
  it.each(years)('%i', (year) => {
    expect(easterSunday(year)).toBe(EASTER[year]);
    expect(isoDayOfWeek(easterSunday(year))).toBe(7);
  });
});

describe('Brazilian holidays 2016-2030', () => {
  const find = (year: number, name: string) => brazilianHolidays(year).find((h) => h.name === name);

  it.each(years)('movable days of %i', (year) => {
    expect(find(year, 'Carnaval (terça-feira)')).toEqual({ date: CARNIVAL_TUESDAY[year], name: 'Carnaval (terça-feira)', kind: 'optional' });
    expect(isoDayOfWeek(find(year, 'Carnaval (segunda-feira)')!.date)).toBe(1);
    expect(find(year, 'Sexta-feira Santa')).toEqual({ date: GOOD_FRIDAY[year], name: 'Sexta-feira Santa', kind: 'national' });
    expect(find(year, 'Corpus Christi')).toEqual({ date: CORPUS_CHRISTI[year], name: 'Corpus Christi', kind: 'optional' });
    expect(isoDayOfWeek(CORPUS_CHRISTI[year]!)).toBe(4);
  });

  it('the examples of the brief', () => {
    expect(find(2017, 'Carnaval (terça-feira)')!.date).toBe('2017-02-28');
    expect(find(2017, 'Carnaval (segunda-feira)')!.date).toBe('2017-02-27');
    expect(find(2018, 'Sexta-feira Santa')!.date).toBe('2018-03-30');
    expect(find(2017, 'Corpus Christi')!.date).toBe('2017-06-15');
  });

  it('fixed national holidays, with Consciência Negra from 2024 on', () => {
    const fixed2018 = brazilianHolidays(2018)
      .filter((h) => h.kind === 'national' && h.name !== 'Sexta-feira Santa')
      .map((h) => h.date);
    expect(fixed2018).toEqual(['2018-01-01', '2018-04-21', '2018-05-01', '2018-09-07', '2018-10-12', '2018-11-02', '2018-11-15', '2018-12-25']);
    expect(find(2023, 'Dia Nacional de Zumbi e da Consciência Negra')).toBeUndefined();
    expect(find(2024, 'Dia Nacional de Zumbi e da Consciência Negra')).toEqual({
      date: '2024-11-20',
      name: 'Dia Nacional de Zumbi e da Consciência Negra',
      kind: 'national',
    });
  });

  it('lists 12 days a year until 2023 and 13 from 2024, sorted', () => {
    for (const year of years) {
      const holidays = brazilianHolidays(year);
      expect(holidays).toHaveLength(year >= 2024 ? 13 : 12);
      const dates = holidays.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(holidays.filter((h) => h.kind === 'optional')).toHaveLength(3);
    }
  });
});
