import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';

/** The 26 states and the Federal District (unidades federativas). */
export const BRAZILIAN_STATES = [
  'AC',
  'AL',
  'AP',
  'AM',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MT',
  'MS',
  'MG',
  'PA',
  'PB',
  'PR',
  'PE',
  'PI',
  'RJ',
  'RN',
  'RS',
  'RO',
  'RR',
  'SC',
  'SP',
  'SE',
  'TO',
] as const;
export type BrazilianState = (typeof BRAZILIAN_STATES)[number];

export interface LocationProps {
  zipPrefix: string;
  city: string;
  state: string;
}

/**
 * Where a customer lives, as Olist records it: the first five digits of the CEP, kept as text with
 * its leading zeros ("01037"), the city as written (Unicode-normalized to NFC, so a decomposed
 * "são paulo" equals the composed one) and the state's two-letter code.
 */
export class Location {
  readonly zipPrefix: string;
  readonly city: string;
  readonly state: BrazilianState;

  constructor(props: LocationProps, fields = { zipPrefix: 'zipPrefix', city: 'city', state: 'state' }) {
    const zip = typeof props.zipPrefix === 'string' ? props.zipPrefix.trim() : props.zipPrefix;
    if (zip === '' || zip == null) throw new MissingFieldError(fields.zipPrefix);
    if (typeof zip !== 'string' || !/^\d{5}$/.test(zip)) {
      const hint = typeof zip === 'string' && /^\d{1,4}$/.test(zip) ? '; were leading zeros lost?' : '';
      throw new InvalidFieldError(fields.zipPrefix, props.zipPrefix, `must be 5 digits${hint}`);
    }
    if (typeof props.city !== 'string' || props.city.trim() === '') throw new MissingFieldError(fields.city);
    const city = props.city.trim().normalize('NFC');
    if (city.length > 120)
      throw new InvalidFieldError(fields.city, props.city, 'must be at most 120 characters');
    const state = typeof props.state === 'string' ? props.state.trim().toUpperCase() : props.state;
    if (!(BRAZILIAN_STATES as readonly unknown[]).includes(state)) {
      throw new InvalidFieldError(fields.state, props.state, 'must be a Brazilian state code (UF), e.g. SP');
    }
    this.zipPrefix = zip;
    this.city = city;
    this.state = state as BrazilianState;
  }

  equals(other: Location): boolean {
    return this.zipPrefix === other.zipPrefix && this.city === other.city && this.state === other.state;
  }

  toProps(): { zipPrefix: string; city: string; state: BrazilianState } {
    return { zipPrefix: this.zipPrefix, city: this.city, state: this.state };
  }
}
