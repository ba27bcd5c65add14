import { type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { type OlistProductRow } from '../../application/commands/import-products/import-products.command';
import { ImportProductsHandler } from '../../application/commands/import-products/import-products.handler';
import { type OlistSellerRow } from '../../application/commands/import-sellers/import-sellers.command';
import { ImportSellersHandler } from '../../application/commands/import-sellers/import-sellers.handler';
import { type OlistCategoryTranslationRow } from '../../application/commands/import-translations/import-translations.command';
import { ImportTranslationsHandler } from '../../application/commands/import-translations/import-translations.handler';
import { type Clock } from '../../application/ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../application/ports/unit-of-work.port';
import { CATALOG_WRITE } from './catalog.routes';
import { runNdjsonImport } from './ndjson-import';

/** Olist's columns as text (or null), as the file has them; other keys are ignored. */
function textColumns(columns: readonly string[]): Joi.ObjectSchema {
  return Joi.object(Object.fromEntries(columns.map((column) => [column, Joi.string().allow('', null).max(500)]))).unknown(true);
}

const PRODUCT_COLUMNS = [
  'product_id',
  'product_category_name',
  'product_name_lenght',
  'product_description_lenght',
  'product_photos_qty',
  'product_weight_g',
  'product_length_cm',
  'product_height_cm',
  'product_width_cm',
];
const SELLER_COLUMNS = ['seller_id', 'seller_zip_code_prefix', 'seller_city', 'seller_state'];
const TRANSLATION_COLUMNS = ['product_category_name', 'product_category_name_english'];

const fileQuery = { query: Joi.object({ file: Joi.string().max(200).default('request') }) };

export function catalogImportRoutes(deps: { unitOfWork: MarketplaceUnitOfWork; clock: Clock; chunkSize: number }): RouteDefinition[] {
  const products = new ImportProductsHandler(deps.unitOfWork, deps.clock);
  const sellers = new ImportSellersHandler(deps.unitOfWork, deps.clock);
  const translations = new ImportTranslationsHandler(deps.unitOfWork, deps.clock);
  const common = {
    method: 'post' as const,
    tags: ['imports'],
    scopes: [CATALOG_WRITE],
    body: { type: 'ndjson' as const },
    validate: fileQuery,
  };
  const describe = (file: string, columns: readonly string[], effect: string) =>
    `One JSON object per line, one per row of ${file} with its columns as published (${columns.join(', ')}; values as text). Streamed and applied in chunks, one transaction each with its outbox rows. ${effect} A bad record is rejected with its line, the column at fault and the reason; the others go on. Re-running the same file changes nothing. \`?file=\` names the source in the rejects.`;

  return [
    {
      ...common,
      path: '/imports/products',
      summary: "Bulk import of Olist's products file (NDJSON)",
      description: describe(
        'olist_products_dataset.csv',
        PRODUCT_COLUMNS,
        'A new id is listed; a known id with other details is updated.',
      ),
      handler: async (req, res) => {
        res.json(
          await runNdjsonImport<OlistProductRow>({
            req,
            file: (req.query as { file: string }).file,
            chunkSize: deps.chunkSize,
            shape: textColumns(PRODUCT_COLUMNS),
            idColumn: 'product_id',
            counters: ['listed', 'updated', 'unchanged'],
            changeCounters: ['listed', 'updated'],
            execute: (records) => products.execute({ records }),
          }),
        );
      },
    },
    {
      ...common,
      path: '/imports/sellers',
      summary: "Bulk import of Olist's sellers file (NDJSON)",
      description: describe(
        'olist_sellers_dataset.csv',
        SELLER_COLUMNS,
        'A new id is onboarded; a known id at another address is relocated. The zip prefix is text: leading zeros are kept, a prefix that lost them is rejected.',
      ),
      handler: async (req, res) => {
        res.json(
          await runNdjsonImport<OlistSellerRow>({
            req,
            file: (req.query as { file: string }).file,
            chunkSize: deps.chunkSize,
            shape: textColumns(SELLER_COLUMNS),
            idColumn: 'seller_id',
            counters: ['onboarded', 'relocated', 'unchanged'],
            changeCounters: ['onboarded', 'relocated'],
            execute: (records) => sellers.execute({ records }),
          }),
        );
      },
    },
    {
      ...common,
      path: '/imports/translations',
      summary: "Bulk import of Olist's category translation file (NDJSON)",
      description: describe(
        'product_category_name_translation.csv',
        TRANSLATION_COLUMNS,
        "A new or changed English name re-publishes the category's products (marketplace.product.updated).",
      ),
      handler: async (req, res) => {
        const report = await runNdjsonImport<OlistCategoryTranslationRow>({
          req,
          file: (req.query as { file: string }).file,
          chunkSize: deps.chunkSize,
          shape: textColumns(TRANSLATION_COLUMNS),
          idColumn: 'product_category_name',
          counters: ['added', 'changed', 'unchanged', 'updated_products'],
          changeCounters: ['added', 'changed'],
          execute: async (records) => {
            const result = await translations.execute({ records });
            return { ...result, updated_products: result.updatedProductIds.length };
          },
        });
        res.json(report);
      },
    },
  ];
}
