import { BRAZILIAN_STATES, isBrazilianState } from './brazilian-state';

/** What the normalisation of a city name found. */
export interface NormalizedCity {
  /**
   * Lower case, accents folded, apostrophes unified, state/country suffix and parenthesised remark
   * removed, other punctuation turned into spaces, spaces collapsed: `sao paulo`, `santa barbara
   * d'oeste`. Only a-z, 0-9, `'` and spaces remain. Null when the given text names no city.
   */
  normalizedCity: string | null;
  /** The given city is only digits (Olist has `04482255`). */
  cityIsNumeric: boolean;
  /** The given city is something else than a place name (an e-mail address, punctuation only). */
  cityNotAPlace: boolean;
}

// Every apostrophe-like mark. The acute accent (´) must be replaced before NFKD, which would turn it
// into a space and a combining accent: `d´oeste` and `d'oeste` must give the same city.
const APOSTROPHES = /[\u0027\u0060\u00b4\u2018\u2019\u02bc\u02b9\u2032]/g;
const COMBINING_MARKS = /\p{M}/gu;
const STATE_NAMES = new Set<string>(Object.values(BRAZILIAN_STATES));

/** A trailing `, brasil` (or with another separator). */
const COUNTRY_SUFFIX = /\s*[,/\\-]\s*brasil$/;
/**
 * A trailing state after a separator: `/ sp`, `/sp`, `- sc`, `-pr`, `, rio de janeiro`,
 * `\rio de janeiro`. A full state name needs a separator other than a bare hyphen, so that
 * `ji-parana` (a city of Rondônia) is not read as `ji` in Paraná.
 */
const STATE_SUFFIX = /^(.*\S)(\s*)([,/\\-])(\s*)([a-z ]+)$/;
const PARENTHESISED_SUFFIX = /\s*\([^()]*\)$/;
const EMAIL = /\S+@\S+/;

function fold(text: string): string {
  return text
    .replace(APOSTROPHES, "'")
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function stripStateSuffix(city: string): string {
  const match = STATE_SUFFIX.exec(city);
  if (!match) return city;
  const [, rest, spaceBefore, separator, spaceAfter, suffix] = match as unknown as string[];
  const candidate = suffix!.trim();
  const bareHyphen = separator === '-' && spaceBefore === '' && spaceAfter === '';
  const isCode = candidate.length === 2 && isBrazilianState(candidate.toUpperCase());
  const isName = !bareHyphen && STATE_NAMES.has(candidate);
  return isCode || isName ? rest!.trim() : city;
}

/**
 * Normalises a city name for grouping and search, keeping nothing of the original's accidents
 * (case, accents, apostrophe variants, `/ sp` and `- sc` suffixes, `, brasil`). Apply it to the text
 * as given; the original is kept beside it.
 */
export function normalizeCity(given: string): NormalizedCity {
  let city = fold(given);
  if (/^[\d\s.,/-]+$/.test(city) && /\d/.test(city)) {
    return { normalizedCity: null, cityIsNumeric: true, cityNotAPlace: false };
  }
  if (EMAIL.test(city)) return { normalizedCity: null, cityIsNumeric: false, cityNotAPlace: true };
  for (let previous = ''; previous !== city;) {
    previous = city;
    city = city.replace(COUNTRY_SUFFIX, '').replace(PARENTHESISED_SUFFIX, '');
    city = stripStateSuffix(city);
  }
  city = city
    .replace(/[^a-z0-9' ]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(^|\s)'+|'+(\s|$)/g, '$1$2')
    .trim();
  if (!/[a-z]/.test(city)) return { normalizedCity: null, cityIsNumeric: false, cityNotAPlace: true };
  return { normalizedCity: city, cityIsNumeric: false, cityNotAPlace: false };
}
