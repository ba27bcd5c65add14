import { DATE_DIMENSION_RANGE, dateDimensionRows } from './date-dimension';

describe('dim_date rows', () => {
  const rows = dateDimensionRows();
  const byDate = new Map(rows.map((r) => [r.date, r]));

  it('covers every day of 2016-2030 once', () => {
    expect(rows).toHaveLength(15 * 365 + 4);
    expect(rows[0]!.date).toBe(DATE_DIMENSION_RANGE.from);
    expect(rows.at(-1)!.date).toBe(DATE_DIMENSION_RANGE.to);
    expect(new Set(rows.map((r) => r.date_key)).size).toBe(rows.length);
  });

  it('describes a day', () => {
    expect(byDate.get('2017-02-28')).toEqual({
      date_key: 20170228,
      date: '2017-02-28',
      year: 2017,
      quarter: 1,
      month: 2,
      month_name: 'February',
      month_name_pt: 'fevereiro',
      iso_year: 2017,
      iso_week: 9,
      day_of_week: 2,
      day_name: 'Tuesday',
      is_weekend: false,
      is_holiday: false,
      is_optional_holiday: true,
      holiday_name: 'Carnaval (terça-feira)',
      holiday_kind: 'optional',
    });
    expect(byDate.get('2018-03-30')).toMatchObject({ is_holiday: true, holiday_kind: 'national', holiday_name: 'Sexta-feira Santa' });
    expect(byDate.get('2016-01-01')).toMatchObject({ iso_year: 2015, iso_week: 53, quarter: 1, is_holiday: true });
    expect(byDate.get('2017-12-30')).toMatchObject({ day_of_week: 6, is_weekend: true, quarter: 4, holiday_name: null, holiday_kind: null });
    expect(byDate.get('2024-11-20')).toMatchObject({ is_holiday: true, holiday_name: 'Dia Nacional de Zumbi e da Consciência Negra' });
    expect(byDate.get('2023-11-20')).toMatchObject({ is_holiday: false, holiday_name: null });
  });

  it('counts the holidays it flags', () => {
    const national = rows.filter((r) => r.is_holiday).length;
    const optional = rows.filter((r) => r.is_optional_holiday).length;
    expect(national).toBe(15 * 9 + 7);
    expect(optional).toBe(15 * 3);
  });

  it('can build a sub-range', () => {
    expect(dateDimensionRows('2018-12-31', '2019-01-01').map((r) => [r.date_key, r.iso_year, r.iso_week])).toEqual([
      [20181231, 2019, 1],
      [20190101, 2019, 1],
    ]);
  });
});
