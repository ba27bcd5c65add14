import { InvalidFieldError, MissingFieldError } from '../shared/marketplace-domain-error';

/** The 26 states and the Federal District, by their two-letter code (UF). */
export const BRAZILIAN_STATES = {
  AC: 'acre',
  AL: 'alagoas',
  AM: 'amazonas',
  AP: 'amapa',
  BA: 'bahia',
  CE: 'ceara',
  DF: 'distrito federal',
  ES: 'espirito santo',
  GO: 'goias',
  MA: 'maranhao',
  MG: 'minas gerais',
  MS: 'mato grosso do sul',
  MT: 'mato grosso',
  PA: 'para',
  PB: 'paraiba',
  PE: 'pernambuco',
  PI: 'piaui',
  PR: 'parana',
  RJ: 'rio de janeiro',
  RN: 'rio grande do norte',
  RO: 'rondonia',
  RR: 'roraima',
  RS: 'rio grande do sul',
  SC: 'santa catarina',
  SE: 'sergipe',
  SP: 'sao paulo',
  TO: 'tocantins',
} as const;

export type BrazilianState = keyof typeof BRAZILIAN_STATES;
export const BRAZILIAN_STATE_CODES = Object.keys(BRAZILIAN_STATES) as BrazilianState[];

export function isBrazilianState(value: unknown): value is BrazilianState {
  return typeof value === 'string' && Object.hasOwn(BRAZILIAN_STATES, value);
}

/** A UF code, in either case (`SP`, `sp`); anything else is refused. */
export function parseBrazilianState(value: string | null | undefined, field = 'state'): BrazilianState {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  const code = value.trim().toUpperCase();
  if (!isBrazilianState(code))
    throw new InvalidFieldError(field, value, 'must be one of the 27 Brazilian UFs');
  return code;
}
