import { NotFoundError, type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { TIME_GRAINS, type TimeGrain } from '../../domain/calendar/time-bucket';
import { EXECUTIVE_METRICS, type ExecutiveMetric } from '../../domain/metrics/executive-metrics';
import { type WarehouseQueries } from '../../application/ports/warehouse-queries.port';
import { MAX_PAGE } from '../../application/queries/warehouse-query.service';

const READ = ['warehouse:read'];
const TAGS = ['warehouse'];

const date = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .messages({ 'string.pattern.base': '{{#label}} must be a date YYYY-MM-DD' });
const month = Joi.string()
  .pattern(/^\d{4}-(0[1-9]|1[0-2])$/)
  .messages({ 'string.pattern.base': '{{#label}} must be a month YYYY-MM' });
const state = Joi.string()
  .pattern(/^[A-Z]{2}$/)
  .messages({ 'string.pattern.base': '{{#label}} must be a two-letter state, e.g. SP' });
const dateRange = { from: date.required().description('First purchase date (local)'), to: date.required().description('Last purchase date, included') };
const monthRange = { from: month.required().description('First purchase month'), to: month.required().description('Last purchase month, included') };
const ratio = Joi.number().allow(null);
const money = Joi.string().pattern(/^-?\d+\.\d{2}$/);

const executiveKpisSchema = Joi.object({
  from: Joi.string(),
  to: Joi.string(),
  orders: Joi.number().integer(),
  canceledOrders: Joi.number().integer(),
  gmv: money,
  freight: money,
  payments: money,
  aov: money.allow(null),
  newCustomers: Joi.number().integer(),
  deliveredOrders: Joi.number().integer(),
  lateOrders: Joi.number().integer(),
  onTimeRate: ratio,
  avgDeliveryDays: ratio,
  avgReviewScore: ratio,
});
const sellerKpis = {
  orders: Joi.number().integer(),
  canceledOrders: Joi.number().integer(),
  lines: Joi.number().integer(),
  revenue: money,
  freight: money,
  avgReviewScore: ratio,
  lateDeliveryRate: ratio,
  avgHandoffHours: ratio,
  lateHandoffShare: ratio,
};
const segmentSchema = Joi.object({
  segment: Joi.string(),
  customers: Joi.number().integer(),
  orders: Joi.number().integer(),
  revenue: money,
  avgOrders: ratio,
  revenuePerCustomer: money.allow(null),
  avgRecencyDays: ratio,
});

/** The warehouse's read API: every answer comes from the marts (docs/metrics.md defines the figures). */
export function warehouseRoutes(queries: WarehouseQueries): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/warehouse/executive/kpis',
      tags: TAGS,
      summary: 'Executive KPIs over a range of purchase dates',
      description: 'Sums over the days of the range; every ratio is weighted by its denominators (e.g. on-time rate = 1 − Σ late / Σ delivered).',
      scopes: READ,
      validate: { query: Joi.object(dateRange) },
      responses: { 200: { description: 'The KPIs of the range', schema: executiveKpisSchema } },
      handler: async (req, res) => {
        const { from, to } = req.query as { from: string; to: string };
        res.json(await queries.executiveKpis({ from, to }));
      },
    },
    {
      method: 'get',
      path: '/warehouse/executive/series',
      tags: TAGS,
      summary: 'One executive metric by day, ISO week or month',
      description: 'Every period of the range is present; a ratio of a period without a denominator is null.',
      scopes: READ,
      validate: {
        query: Joi.object({
          ...dateRange,
          metric: Joi.string()
            .valid(...EXECUTIVE_METRICS)
            .required(),
          grain: Joi.string()
            .valid(...TIME_GRAINS)
            .default('day'),
        }),
      },
      responses: {
        200: {
          description: 'The series',
          schema: Joi.object({
            metric: Joi.string(),
            grain: Joi.string(),
            points: Joi.array().items(Joi.object({ period: Joi.string(), from: Joi.string(), to: Joi.string(), value: Joi.alternatives(Joi.number(), Joi.string()).allow(null) })),
          }),
        },
      },
      handler: async (req, res) => {
        const { from, to, metric, grain } = req.query as { from: string; to: string; metric: ExecutiveMetric; grain: TimeGrain };
        res.json({ metric, grain, points: await queries.executiveSeries(metric, grain, { from, to }) });
      },
    },
    {
      method: 'get',
      path: '/warehouse/sellers',
      tags: TAGS,
      summary: 'Sellers ranked by revenue or orders over a range of purchase months',
      scopes: READ,
      validate: {
        query: Joi.object({
          ...monthRange,
          by: Joi.string().valid('revenue', 'orders').default('revenue'),
          limit: Joi.number().integer().min(1).max(MAX_PAGE).default(50),
          offset: Joi.number().integer().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'The ranking, best first',
          schema: Joi.object({
            items: Joi.array().items(Joi.object({ rank: Joi.number().integer(), sellerId: Joi.string(), city: Joi.string().allow(null), state: Joi.string().allow(null), ...sellerKpis })),
          }),
        },
      },
      handler: async (req, res) => {
        const { from, to, by, limit, offset } = req.query as unknown as { from: string; to: string; by: 'revenue' | 'orders'; limit: number; offset: number };
        res.json({ items: await queries.sellerRanking({ from, to }, by, limit, offset) });
      },
    },
    {
      method: 'get',
      path: '/warehouse/sellers/:sellerId',
      tags: TAGS,
      summary: 'One seller’s performance over a range of purchase months, with each month',
      scopes: READ,
      validate: {
        params: Joi.object({ sellerId: Joi.string().pattern(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/).required() }),
        query: Joi.object(monthRange),
      },
      responses: {
        200: {
          description: 'The seller’s figures over the range and per month',
          schema: Joi.object({
            sellerId: Joi.string(),
            city: Joi.string().allow(null),
            state: Joi.string().allow(null),
            ...sellerKpis,
            months: Joi.array().items(Joi.object({ month: Joi.string(), ...sellerKpis })),
          }),
        },
      },
      handler: async (req, res) => {
        const sellerId = req.params.sellerId as string;
        const { from, to } = req.query as { from: string; to: string };
        const performance = await queries.sellerPerformance(sellerId, { from, to });
        if (!performance) throw new NotFoundError('seller', sellerId);
        res.json(performance);
      },
    },
    {
      method: 'get',
      path: '/warehouse/segments',
      tags: TAGS,
      summary: 'Customer segments: customers, revenue, mean orders and mean recency',
      scopes: READ,
      responses: { 200: { description: 'Each segment and all together', schema: Joi.object({ segments: Joi.array().items(segmentSchema), all: segmentSchema }) } },
      handler: async (_req, res) => {
        res.json(await queries.segmentSummary());
      },
    },
    {
      method: 'get',
      path: '/warehouse/deliveries',
      tags: TAGS,
      summary: 'Delivery performance per seller state and customer state over a range of purchase months',
      scopes: READ,
      validate: { query: Joi.object({ ...monthRange, sellerState: state, customerState: state }) },
      responses: {
        200: {
          description: 'One row per (seller state, customer state), most deliveries first',
          schema: Joi.object({
            items: Joi.array().items(
              Joi.object({
                sellerState: Joi.string(),
                customerState: Joi.string(),
                deliveries: Joi.number().integer(),
                lateDeliveries: Joi.number().integer(),
                avgDeliveryDays: ratio,
                lateRate: ratio,
                avgDistanceKm: ratio,
              }),
            ),
          }),
        },
      },
      handler: async (req, res) => {
        const { from, to, sellerState, customerState } = req.query as { from: string; to: string; sellerState?: string; customerState?: string };
        res.json({ items: await queries.deliveryPerformance({ from, to }, { sellerState, customerState }) });
      },
    },
    {
      method: 'get',
      path: '/warehouse/freshness',
      tags: TAGS,
      summary: 'How fresh the warehouse is: newest event per topic, consumer lag, event-to-mart latency of recent batches',
      scopes: READ,
      responses: { 200: { description: 'Freshness', schema: Joi.object().unknown() } },
      handler: async (_req, res) => {
        res.set('Cache-Control', 'no-store').json(await queries.freshness());
      },
    },
  ];
}
