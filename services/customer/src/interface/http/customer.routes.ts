import { type RouteDefinition } from '@mercado/service-kit';
import { type RecomputeSegmentsHandler } from '../../application/commands/recompute-segments/recompute-segments.handler';
import { type RegisterCustomerHandler } from '../../application/commands/register-customer/register-customer.handler';
import { type GetCustomerHandler } from '../../application/queries/get-customer/get-customer.handler';
import { type ListCustomersHandler } from '../../application/queries/list-customers/list-customers.handler';
import { type SegmentSummaryHandler } from '../../application/queries/segment-summary/segment-summary.handler';
import { instantToOlistLocal } from '../../domain/shared/sao-paulo-time';
import {
  customerIdParams,
  customerViewSchema,
  listCustomersQuery,
  pageOf,
  recomputeBody,
  recomputeResultSchema,
  registerCustomerBody,
  segmentSummarySchema,
} from './customer.schemas';
import Joi from 'joi';

export interface CustomerUseCases {
  registerCustomer: RegisterCustomerHandler;
  getCustomer: GetCustomerHandler;
  listCustomers: ListCustomersHandler;
  segmentSummary: SegmentSummaryHandler;
  recomputeSegments: RecomputeSegmentsHandler;
}

const WRITE = ['customers:write'];
const READ = ['customers:read'];
const date = (value: unknown): Date | undefined => (typeof value === 'string' ? new Date(value) : undefined);

/** Customers and their segments: register, get one, list, segment summary, recompute. */
export function customerRoutes(useCases: CustomerUseCases): RouteDefinition[] {
  return [
    {
      method: 'post',
      path: '/customers',
      tags: ['customers'],
      summary: 'Register an account of a person',
      description:
        'A new person (201), a new account of a known person or a move (200 `changed`), or a known account with its ' +
        'address again (200 `unchanged`). An account that belongs to another person is 409.',
      scopes: WRITE,
      validate: { body: registerCustomerBody },
      responses: {
        201: { description: 'Registered', schema: Joi.object({ outcome: Joi.string(), customer: customerViewSchema }) },
        200: { description: 'Account added, moved, or already known', schema: Joi.object({ outcome: Joi.string(), customer: customerViewSchema }) },
      },
      handler: async (req, res) => {
        const body = req.body as { customerUniqueId: string; customerId: string; zipPrefix: string; city: string; state: string; at?: string };
        const result = await useCases.registerCustomer.execute({ ...body, at: date(body.at) });
        const created = result.outcome === 'changed' && result.customer.version === 1;
        if (created) res.location(`/customers/${encodeURIComponent(result.customer.customerUniqueId)}`);
        res.status(created ? 201 : 200).json(result);
      },
    },
    {
      method: 'get',
      path: '/customers/:customerUniqueId',
      tags: ['customers'],
      summary: 'A customer with accounts, location, segment and RFM scores',
      scopes: READ,
      validate: { params: customerIdParams },
      responses: { 200: { description: 'The customer', schema: customerViewSchema } },
      handler: async (req, res) => {
        res.json(await useCases.getCustomer.execute({ customerUniqueId: req.params.customerUniqueId as string }));
      },
    },
    {
      method: 'get',
      path: '/customers',
      tags: ['customers'],
      summary: 'Customers by id, filtered by segment and state',
      scopes: READ,
      validate: { query: listCustomersQuery },
      responses: { 200: { description: 'One page; pass nextCursor as cursor for the next', schema: pageOf(customerViewSchema) } },
      handler: async (req, res) => {
        const query = req.query as unknown as { segment?: string; state?: string; limit: number; cursor?: string };
        res.json(await useCases.listCustomers.execute(query));
      },
    },
    {
      method: 'get',
      path: '/segments/summary',
      tags: ['segments'],
      summary: 'Customers and monetary value per RFM segment',
      scopes: READ,
      responses: { 200: { description: 'Every segment, best first', schema: segmentSummarySchema } },
      handler: async (_req, res) => {
        res.json(await useCases.segmentSummary.execute());
      },
    },
    {
      method: 'post',
      path: '/segments/recompute',
      tags: ['segments'],
      summary: 'Recompute every segment (new quintile boundaries over the whole base)',
      description: 'The body may be `{}`. One customer.segment.changed per customer whose segment changes.',
      scopes: WRITE,
      validate: { body: recomputeBody },
      responses: { 200: { description: 'What the recomputation did', schema: recomputeResultSchema } },
      handler: async (req, res) => {
        const result = await useCases.recomputeSegments.execute({ scope: 'full', asOf: date((req.body as { asOf?: string }).asOf) });
        res.json({
          scope: result.scope,
          asOf: instantToOlistLocal(result.snapshot.asOf).slice(0, 10),
          customersInBase: result.snapshot.customerCount,
          reassessed: result.reassessed,
          segmentChanges: result.segmentChanges,
        });
      },
    },
  ];
}
