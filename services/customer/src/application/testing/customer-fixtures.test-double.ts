import { type OlistCustomerRecord } from '../commands/import-customers/import-customers.command';

/** Real rows of olist_customers_dataset.head.csv (quoting removed). */
export const REAL_CUSTOMERS: OlistCustomerRecord[] = [
  ['06b8999e2fba1a1fbc88172c00ba8bc7', '861eff4711a542e4b93843c6dd7febb0', '14409', 'franca', 'SP'],
  [
    '18955e83d337fd6b2def6b18a428ac77',
    '290c77bc529b7ac935b93aa66c333dc3',
    '09790',
    'sao bernardo do campo',
    'SP',
  ],
  ['4e7b3e00288586ebd08712fdd0374a03', '060e732b5b29e8181a18229c7b0b2b5e', '01151', 'sao paulo', 'SP'],
  ['b2b6027bc5c5109e529d4dc6358b12c3', '259dac757896d24d7702b9acbbff3f3c', '08775', 'mogi das cruzes', 'SP'],
  ['4f2d8ab171c80ec8364f7c12e35b23ad', '345ecd01c38d18a9036ed96c73b8d066', '13056', 'campinas', 'SP'],
].map(([customer_id, customer_unique_id, customer_zip_code_prefix, customer_city, customer_state]) => ({
  customer_id: customer_id!,
  customer_unique_id: customer_unique_id!,
  customer_zip_code_prefix: customer_zip_code_prefix!,
  customer_city: customer_city!,
  customer_state: customer_state!,
}));

export const NOW = new Date('2018-10-01T12:00:00Z');

/** `days` before 2018-09-01T12:00:00Z. */
export function daysBefore(days: number): Date {
  return new Date(Date.UTC(2018, 8, 1, 12) - days * 86_400_000);
}
