import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import {
  centsSchema,
  dateSchema,
  entityIdSchema,
  locationSchema,
  type Location,
} from '../../schemas/common.schema';

const topic = TOPICS.customerCustomer.name;
const byPerson = (data: { customer_unique_id: string }): string => data.customer_unique_id;

export interface CustomerRegisteredV1 {
  /** The person (Olist `customer_unique_id`). */
  customer_unique_id: string;
  /** The per-order accounts (Olist `customer_id`) known at registration, at least one. */
  accounts: string[];
  location: Location;
}

export const customerCustomerRegisteredV1 = defineEvent<CustomerRegisteredV1, 'customer.customer.registered'>(
  {
    type: 'customer.customer.registered',
    version: 1,
    topic,
    description:
      'A person became a Mercado customer. In Olist every order opens its own account (`customer_id`); ' +
      'the person behind them is `customer_unique_id`.',
    schema: Joi.object<CustomerRegisteredV1, true>({
      customer_unique_id: entityIdSchema.required().description('the person (Olist `customer_unique_id`)'),
      accounts: Joi.array()
        .items(entityIdSchema)
        .min(1)
        .unique()
        .required()
        .description('the per-order accounts (Olist `customer_id`) known at registration'),
      location: locationSchema.required().description('the current address'),
    }),
    key: byPerson,
    fixtures: [
      {
        customer_unique_id: '861eff4711a542e4b93843c6dd7febb0',
        accounts: ['06b8999e2fba1a1fbc88172c00ba8bc7'],
        location: { zip_prefix: '14409', city: 'franca', state: 'SP' },
      },
      {
        customer_unique_id: '060e732b5b29e8181a18229c7b0b2b5e',
        accounts: ['4e7b3e00288586ebd08712fdd0374a03'],
        location: { zip_prefix: '01151', city: 'sao paulo', state: 'SP' },
      },
    ],
  },
);

export interface CustomerAccountAddedV1 {
  customer_unique_id: string;
  /** The new per-order account. */
  customer_id: string;
  /** The address given with that account (Olist keeps one per account). */
  location: Location;
}

export const customerAccountAddedV1 = defineEvent<CustomerAccountAddedV1, 'customer.account.added'>({
  type: 'customer.account.added',
  version: 1,
  topic,
  description: 'A known person placed an order under a new account (a repeat buyer in Olist terms).',
  schema: Joi.object<CustomerAccountAddedV1, true>({
    customer_unique_id: entityIdSchema.required().description('the person (Olist `customer_unique_id`)'),
    customer_id: entityIdSchema.required().description('the new per-order account'),
    location: locationSchema.required().description('the address given with the account'),
  }),
  key: byPerson,
  fixtures: [
    {
      customer_unique_id: '2e6a42a9b5cbb0da62988694f18ee295',
      customer_id: '6e359a57a91f84095cc64e1b351aef8c',
      location: { zip_prefix: '04571', city: 'sao paulo', state: 'SP' },
    },
    {
      customer_unique_id: '8d46223c91cbeb93e0930ca8bd8ffca2',
      customer_id: 'df85b96ba2ce3e49bde101b1614f52ac',
      location: { zip_prefix: '83085', city: 'sao jose dos pinhais', state: 'PR' },
    },
  ],
});

export interface CustomerRelocatedV1 {
  customer_unique_id: string;
  location: Location;
  previous_location: Location;
}

export const customerCustomerRelocatedV1 = defineEvent<CustomerRelocatedV1, 'customer.customer.relocated'>({
  type: 'customer.customer.relocated',
  version: 1,
  topic,
  description: "The person's current address changed (in Olist: a newer account with another zip prefix).",
  schema: Joi.object<CustomerRelocatedV1, true>({
    customer_unique_id: entityIdSchema.required().description('the person (Olist `customer_unique_id`)'),
    location: locationSchema.required().description('the new address'),
    previous_location: locationSchema.required().description('the address before the move'),
  }),
  key: byPerson,
  // The people and the addresses are real Olist rows; who moved where is illustrative.
  fixtures: [
    {
      customer_unique_id: '7a380cb5434e6b6b5b37d45bb99dbe8a',
      location: { zip_prefix: '09890', city: 'sao bernardo do campo', state: 'SP' },
      previous_location: { zip_prefix: '09790', city: 'sao bernardo do campo', state: 'SP' },
    },
    {
      customer_unique_id: 'f32cdbbeca0aba5358bddc018dd12b09',
      location: { zip_prefix: '91340', city: 'porto alegre', state: 'RS' },
      previous_location: { zip_prefix: '04427', city: 'sao paulo', state: 'SP' },
    },
  ],
});

const scoreSchema = Joi.number().integer().min(1).max(5).strict();

export interface CustomerSegmentChangedV1 {
  customer_unique_id: string;
  /** kebab-case RFM segment, e.g. `champions`, `loyal`, `at-risk`, `hibernating`, `lost`. */
  segment: string;
  /** null when the person had no segment before. */
  previous_segment: string | null;
  recency_score: number;
  frequency_score: number;
  monetary_score: number;
  /** Days from the last purchase to as_of. */
  recency_days: number;
  /** Number of orders. */
  frequency: number;
  /** Total spent, in cents. */
  monetary_cents: number;
  /** The day the scores were computed for. */
  as_of: string;
}

const segmentSchema = Joi.string()
  .pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case')
  .max(64);

export const customerSegmentChangedV1 = defineEvent<CustomerSegmentChangedV1, 'customer.segment.changed'>({
  type: 'customer.segment.changed',
  version: 1,
  topic,
  description:
    'An RFM (recency, frequency, monetary) re-scoring moved the person to another segment. Scores run ' +
    '1 (worst) to 5 (best); the raw figures they come from are included. The segment vocabulary is open ' +
    '(kebab-case) so the customer service can refine it without a new version.',
  schema: Joi.object<CustomerSegmentChangedV1, true>({
    customer_unique_id: entityIdSchema.required().description('the person (Olist `customer_unique_id`)'),
    segment: segmentSchema
      .required()
      .description(
        'kebab-case RFM segment, e.g. `champions`, `loyal`, `at-risk`, `hibernating`, `lost` (open vocabulary)',
      ),
    previous_segment: segmentSchema
      .allow(null)
      .required()
      .description('null when the person had no segment before'),
    recency_score: scoreSchema.required().description('1 (longest ago) to 5 (most recent)'),
    frequency_score: scoreSchema.required().description('1 (fewest orders) to 5 (most)'),
    monetary_score: scoreSchema.required().description('1 (least spent) to 5 (most)'),
    recency_days: Joi.number()
      .integer()
      .min(0)
      .strict()
      .required()
      .description('days from the last purchase to as_of'),
    frequency: Joi.number().integer().min(1).strict().required().description('number of orders'),
    monetary_cents: centsSchema.required().description('total spent'),
    as_of: dateSchema.required().description('the day the scores are computed for'),
  }),
  key: byPerson,
  // Ids and purchase dates are real (recency counts from them); the monetary figures are illustrative,
  // as the stored Olist heads do not join these customers to their payments.
  fixtures: [
    {
      customer_unique_id: '2e6a42a9b5cbb0da62988694f18ee295',
      segment: 'hibernating',
      previous_segment: 'new',
      recency_score: 1,
      frequency_score: 1,
      monetary_score: 2,
      recency_days: 474,
      frequency: 1,
      monetary_cents: 8990,
      as_of: '2018-09-01',
    },
    {
      customer_unique_id: 'be1e99a0c57d7c3c699cfc4db26c8edf',
      segment: 'new',
      previous_segment: null,
      recency_score: 5,
      frequency_score: 1,
      monetary_score: 4,
      recency_days: 32,
      frequency: 1,
      monetary_cents: 27470,
      as_of: '2018-09-01',
    },
  ],
});

export const CUSTOMER_CUSTOMER_EVENTS = [
  customerCustomerRegisteredV1,
  customerAccountAddedV1,
  customerCustomerRelocatedV1,
  customerSegmentChangedV1,
] as const;
