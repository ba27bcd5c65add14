import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import {
  anomaliesSchema,
  citySchema,
  entityIdSchema,
  stateSchema,
  zipPrefixSchema,
  type AnomalyFlag,
  type BrazilianState,
} from '../../schemas/common.schema';

const topic = TOPICS.marketplaceSeller.name;

/** The full state of a seller's address. */
export interface SellerStateV1 {
  seller_id: string;
  zip_prefix: string;
  /** The city exactly as given (Olist has `sao paulo / sp`, `lages - sc`, NFD accents, numbers). */
  city: string;
  /**
   * Lowercase, without accents or a trailing state, in NFC (`sao paulo`, `lages`); null when the given
   * city is not a city (e.g. a number, flagged `city-is-number`).
   */
  normalized_city: string | null;
  state: BrazilianState;
  anomalies?: AnomalyFlag[];
}

export type SellerOnboardedV1 = SellerStateV1;
export type SellerRelocatedV1 = SellerStateV1;

const sellerStateSchema = Joi.object<SellerStateV1, true>({
  seller_id: entityIdSchema.required(),
  zip_prefix: zipPrefixSchema.required(),
  city: citySchema
    .required()
    .description('as given by the source (may hold a state suffix, NFD accents, a number)'),
  normalized_city: Joi.string()
    .pattern(/^[a-z0-9' ]+$/, 'lowercase, unaccented')
    .max(120)
    .allow(null)
    .required()
    .description(
      'lowercase, unaccented, NFC, without a state suffix; null when the given city is not a city',
    ),
  state: stateSchema.required(),
  anomalies: anomaliesSchema,
});

export const marketplaceSellerOnboardedV1 = defineEvent<SellerOnboardedV1, 'marketplace.seller.onboarded'>({
  type: 'marketplace.seller.onboarded',
  version: 1,
  topic,
  description:
    'A seller joined the marketplace. Carries the address as given and a normalized city for grouping; ' +
    'the anomaly flags say what normalization had to fix.',
  schema: sellerStateSchema,
  key: (data) => data.seller_id,
  fixtures: [
    {
      seller_id: '3442f8959a84dea7ee197c632cb2df15',
      zip_prefix: '13023',
      city: 'campinas',
      normalized_city: 'campinas',
      state: 'SP',
    },
    {
      seller_id: '731ef20c231d9a7103a425e83fd91271',
      zip_prefix: '88501',
      city: 'lages - sc',
      normalized_city: 'lages',
      state: 'SC',
      anomalies: ['city-normalized'],
    },
    {
      seller_id: 'ceb7b4fb9401cd378de7886317ad1b47',
      zip_prefix: '22790',
      city: '04482255',
      normalized_city: null,
      state: 'RJ',
      anomalies: ['city-is-number'],
    },
    {
      seller_id: '26b482dccfa29bd2e40703ba45523702',
      zip_prefix: '13450',
      city: 'santa barbara d´oeste',
      normalized_city: "santa barbara d'oeste",
      state: 'SP',
      anomalies: ['city-normalized'],
    },
  ],
});

export const marketplaceSellerRelocatedV1 = defineEvent<SellerRelocatedV1, 'marketplace.seller.relocated'>({
  type: 'marketplace.seller.relocated',
  version: 1,
  topic,
  description: "A seller's address changed. Carries the full new address (same shape as onboarded).",
  schema: sellerStateSchema,
  key: (data) => data.seller_id,
  // Real Olist addresses; the moves between them are illustrative.
  fixtures: [
    {
      seller_id: 'd1b65fc7debc3361ea86b5f14c68d2e2',
      zip_prefix: '13844',
      city: 'mogi guacu',
      normalized_city: 'mogi guacu',
      state: 'SP',
    },
    {
      seller_id: 'a3fa18b3f688ec0fca3eb8bfcbd2d5b3',
      zip_prefix: '04557',
      // Olist spells this one with a decomposed accent (Unicode NFD), kept as given.
      city: 'sa\u0303o paulo',
      normalized_city: 'sao paulo',
      state: 'SP',
      anomalies: ['city-normalized'],
    },
  ],
});

export const MARKETPLACE_SELLER_EVENTS = [
  marketplaceSellerOnboardedV1,
  marketplaceSellerRelocatedV1,
] as const;
