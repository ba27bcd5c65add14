import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import { at } from '../../schemas/custom-rule';
import { anomaliesSchema, entityIdSchema, type AnomalyFlag } from '../../schemas/common.schema';

const topic = TOPICS.marketplaceProduct.name;

/**
 * The full state of a product. Every measure is nullable and null means unknown: a missing value is
 * never published as 0. A real weight of 0 g (Olist has some) is published as 0, flagged `zero-weight`
 * (producers before this rule published it as null with the same flag).
 */
export interface ProductStateV1 {
  product_id: string;
  /** Portuguese category (Olist `product_category_name`), snake_case, or null. */
  category_name: string | null;
  /** English category from Olist's translation table, or null. */
  category_name_en: string | null;
  /** true when the product has a category but the translation table has no English name for it. */
  translation_missing: boolean;
  /** Characters in the product name (Olist `product_name_lenght`). */
  name_length: number | null;
  description_length: number | null;
  photos_qty: number | null;
  weight_g: number | null;
  length_cm: number | null;
  height_cm: number | null;
  width_cm: number | null;
  anomalies?: AnomalyFlag[];
}

export type ProductListedV1 = ProductStateV1;
export type ProductUpdatedV1 = ProductStateV1;

const categorySchema = Joi.string()
  .pattern(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'snake_case')
  .max(100);
const count = (min: number) => Joi.number().integer().min(min).strict().allow(null).required();

const productStateSchema = Joi.object<ProductStateV1, true>({
  product_id: entityIdSchema.required(),
  category_name: categorySchema
    .allow(null)
    .required()
    .description('Portuguese category (Olist `product_category_name`)'),
  category_name_en: categorySchema
    .allow(null)
    .required()
    .description("English name from Olist's translation table; null when there is none"),
  translation_missing: Joi.boolean()
    .strict()
    .required()
    .description('true when the product has a category without an English name'),
  name_length: count(1).description('characters in the product name (Olist `product_name_lenght`)'),
  description_length: count(0).description(
    'characters in the description (Olist `product_description_lenght`)',
  ),
  photos_qty: count(0).description('published photos'),
  weight_g: count(0).description(
    "package weight; null when unknown; Olist's real 0 g is published as 0 and flagged `zero-weight`",
  ),
  length_cm: count(1).description('package length'),
  height_cm: count(1).description('package height'),
  width_cm: count(1).description('package width'),
  anomalies: anomaliesSchema,
})
  .custom((value: ProductStateV1, helpers) => {
    if (value.category_name === null && value.category_name_en !== null) {
      return helpers.error('category.orphanTranslation', {}, at(helpers, 'category_name_en'));
    }
    const missing = value.category_name !== null && value.category_name_en === null;
    if (value.translation_missing !== missing) {
      return helpers.error(
        'category.translationFlag',
        { expected: missing },
        at(helpers, 'translation_missing'),
      );
    }
    return value;
  })
  .messages({
    'category.orphanTranslation': '{{#label}} must be null when category_name is null',
    'category.translationFlag': '{{#label}} must be {{#expected}} (a category without an English name)',
  });

const fixtures: ProductStateV1[] = [
  {
    product_id: '1e9e8ef04dbcff4541ed26657ea517e5',
    category_name: 'perfumaria',
    category_name_en: 'perfumery',
    translation_missing: false,
    name_length: 40,
    description_length: 287,
    photos_qty: 1,
    weight_g: 225,
    length_cm: 16,
    height_cm: 10,
    width_cm: 14,
  },
  {
    product_id: 'a41e356c76fab66334f36de622ecbd3a',
    category_name: null,
    category_name_en: null,
    translation_missing: false,
    name_length: null,
    description_length: null,
    photos_qty: null,
    weight_g: 650,
    length_cm: 17,
    height_cm: 14,
    width_cm: 12,
  },
  {
    product_id: '0105b5323d24fc655f73052694dbbb3a',
    category_name: 'pc_gamer',
    category_name_en: null,
    translation_missing: true,
    name_length: 59,
    description_length: 621,
    photos_qty: 4,
    weight_g: 2839,
    length_cm: 19,
    height_cm: 16,
    width_cm: 18,
  },
  {
    product_id: '81781c0fed9fe1ad6e8c81fca1e1cb08',
    category_name: 'cama_mesa_banho',
    category_name_en: 'bed_bath_table',
    translation_missing: false,
    name_length: 51,
    description_length: 529,
    photos_qty: 1,
    weight_g: null,
    length_cm: 30,
    height_cm: 25,
    width_cm: 30,
    anomalies: ['zero-weight'],
  },
];

export const marketplaceProductListedV1 = defineEvent<ProductListedV1, 'marketplace.product.listed'>({
  type: 'marketplace.product.listed',
  version: 1,
  topic,
  description:
    'A product entered the catalogue. Carries its full state: category (Portuguese and English), ' +
    'listing quality figures and package measures, each null when unknown.',
  schema: productStateSchema,
  key: (data) => data.product_id,
  fixtures: fixtures.slice(0, 3),
});

export const marketplaceProductUpdatedV1 = defineEvent<ProductUpdatedV1, 'marketplace.product.updated'>({
  type: 'marketplace.product.updated',
  version: 1,
  topic,
  description:
    'A product changed. Carries the full new state (same shape as listed), so a consumer needs no ' +
    'earlier event to apply it.',
  schema: productStateSchema,
  key: (data) => data.product_id,
  fixtures: [
    fixtures[3]!,
    { ...fixtures[2]!, photos_qty: 5 },
    // A real zero weight from olist_products_dataset.csv, kept as 0.
    {
      product_id: 'e673e90efa65a5409ff4196c038bb5af',
      category_name: 'cama_mesa_banho',
      category_name_en: 'bed_bath_table',
      translation_missing: false,
      name_length: 53,
      description_length: 528,
      photos_qty: 1,
      weight_g: 0,
      length_cm: 30,
      height_cm: 25,
      width_cm: 30,
      anomalies: ['zero-weight'],
    },
  ],
});

export const MARKETPLACE_PRODUCT_EVENTS = [marketplaceProductListedV1, marketplaceProductUpdatedV1] as const;
