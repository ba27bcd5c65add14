import { addDays, isoDate, type IsoDate } from './calendar-date';

/**
 * `national`: a national holiday by federal law (no work, nationwide).
 * `optional`: a "ponto facultativo" of the federal calendar (Carnaval Monday and Tuesday, Corpus
 * Christi): not a holiday by law, but most of the country stops. They are kept, flagged apart, because
 * they move sales and deliveries as much as holidays do, and an analyst can filter them out.
 */
export type HolidayKind = 'national' | 'optional';

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const FIXED: readonly { month: number; day: number; name: string; fromYear?: number }[] = [
  { month: 1, day: 1, name: 'Confraternização Universal' },
  { month: 4, day: 21, name: 'Tiradentes' },
  { month: 5, day: 1, name: 'Dia do Trabalho' },
  { month: 9, day: 7, name: 'Independência do Brasil' },
  { month: 10, day: 12, name: 'Nossa Senhora Aparecida' },
  { month: 11, day: 2, name: 'Finados' },
  { month: 11, day: 15, name: 'Proclamação da República' },
  // Lei 14.759/2023 made it a national holiday from 2024 on (before, only some states and cities kept it).
  { month: 11, day: 20, name: 'Dia Nacional de Zumbi e da Consciência Negra', fromYear: 2024 },
  { month: 12, day: 25, name: 'Natal' },
];

/**
 * The Brazilian national holidays and national optional days ("pontos facultativos") of a year, sorted
 * by date. State and municipal holidays are out of scope. Two of them never share a date in practice;
 * if they did, both would be listed.
 */
export function brazilianHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = FIXED.filter((f) => f.fromYear === undefined || year >= f.fromYear).map((f) => ({
    date: isoDate(year, f.month, f.day),
    name: f.name,
    kind: 'national' as const,
  }));
  holidays.push(
    { date: addDays(easter, -48), name: 'Carnaval (segunda-feira)', kind: 'optional' },
    { date: addDays(easter, -47), name: 'Carnaval (terça-feira)', kind: 'optional' },
    { date: addDays(easter, -2), name: 'Sexta-feira Santa', kind: 'national' },
    { date: addDays(easter, 60), name: 'Corpus Christi', kind: 'optional' },
  );
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
