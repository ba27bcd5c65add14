import { joiToJsonSchema, type RouteDefinition } from '@mercado/service-kit';
import { type ImportCustomersHandler } from '../../application/commands/import-customers/import-customers.handler';
import { type OlistCustomerRecord } from '../../application/commands/import-customers/import-customers.command';
import { type ImportReviewsHandler } from '../../application/commands/import-reviews/import-reviews.handler';
import { type OlistReviewRecord } from '../../domain/review/review.aggregate';
import { OLIST_CUSTOMER_SHAPE, OLIST_REVIEW_SHAPE, recordSchema, type RecordShape } from './flat-record';
import { importNdjson, importSummarySchema } from './ndjson-import';

function describe(what: string, shape: RecordShape, example: object): string {
  return (
    `Content type application/x-ndjson, one ${what} per line with Olist's column names and text values. Imported in ` +
    'chunks, one transaction each; answers accepted, duplicates (idempotent repeats) and every rejected record with ' +
    'its line, field and reason. The same body again is all duplicates.\n\nJSON Schema of a line:\n\n```json\n' +
    JSON.stringify(joiToJsonSchema(recordSchema(shape)), null, 2) +
    '\n```\n\nExample line:\n\n```json\n' +
    JSON.stringify(example) +
    '\n```'
  );
}

/** `POST /imports/customers` and `POST /imports/reviews`: Olist rows as NDJSON, streamed and imported in chunks. */
export function importRoutes(
  useCases: { importCustomers: ImportCustomersHandler; importReviews: ImportReviewsHandler },
  options: { chunkSize: number; limit?: string },
): RouteDefinition[] {
  const limit = options.limit ?? '2gb';
  return [
    {
      method: 'post',
      path: '/imports/customers',
      tags: ['imports'],
      summary: 'Import Olist customer rows (NDJSON), in file order',
      description: describe('row of olist_customers_dataset.csv', OLIST_CUSTOMER_SHAPE, {
        customer_id: '06b8999e2fba1a1fbc88172c00ba8bc7',
        customer_unique_id: '861eff4711a542e4b93843c6dd7febb0',
        customer_zip_code_prefix: '14409',
        customer_city: 'franca',
        customer_state: 'SP',
      }),
      scopes: ['customers:write'],
      body: { type: 'ndjson', limit },
      responses: { 200: { description: 'What was imported and what was rejected', schema: importSummarySchema } },
      handler: async (req, res) => {
        res.json(
          await importNdjson<OlistCustomerRecord>(req, {
            shape: OLIST_CUSTOMER_SHAPE,
            idField: 'customer_id',
            chunkSize: options.chunkSize,
            importChunk: async (records) => {
              const result = await useCases.importCustomers.execute({ records });
              return { accepted: records.length - result.unchanged.length - result.rejected.length, unchanged: result.unchanged, rejected: result.rejected };
            },
          }),
        );
      },
    },
    {
      method: 'post',
      path: '/imports/reviews',
      tags: ['imports'],
      summary: 'Import Olist review rows (NDJSON)',
      description: describe('row of olist_order_reviews_dataset.csv', OLIST_REVIEW_SHAPE, {
        review_id: '7bc2406110b926393aa56f80a40eba40',
        order_id: '73fc7af87114b39712e6da79b0a377eb',
        review_score: '4',
        review_comment_title: '',
        review_comment_message: '',
        review_creation_date: '2018-01-18 00:00:00',
        review_answer_timestamp: '2018-01-18 21:46:59',
      }),
      scopes: ['customers:write'],
      body: { type: 'ndjson', limit },
      responses: { 200: { description: 'What was imported and what was rejected', schema: importSummarySchema } },
      handler: async (req, res) => {
        res.json(
          await importNdjson<OlistReviewRecord>(req, {
            shape: OLIST_REVIEW_SHAPE,
            idField: 'review_id',
            chunkSize: options.chunkSize,
            importChunk: async (records) => {
              const result = await useCases.importReviews.execute({ records });
              return { accepted: result.imported, unchanged: result.unchanged, rejected: result.rejected };
            },
          }),
        );
      },
    },
  ];
}
