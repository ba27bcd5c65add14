import { timestampSchema } from '@mercado/contracts';
import { NotFoundError, paginationQuery, type RouteDefinition, validateParts } from '@mercado/service-kit';
import Joi from 'joi';
import { DeliverShipmentHandler } from '../../application/commands/deliver-shipment/deliver-shipment.handler';
import { DispatchShipmentHandler } from '../../application/commands/dispatch-shipment/dispatch-shipment.handler';
import { type Clock } from '../../application/ports/clock.port';
import { type ShipmentRepository } from '../../application/ports/shipment.repository.port';
import { type UnitOfWork } from '../../application/ports/unit-of-work.port';
import { GetShipmentByOrderHandler } from '../../application/queries/get-shipment-by-order/get-shipment-by-order.handler';
import { ListLateShipmentsHandler } from '../../application/queries/list-late-shipments/list-late-shipments.handler';
import { ListOverdueShipmentsHandler } from '../../application/queries/list-overdue-shipments/list-overdue-shipments.handler';
import { toSaoPauloIso } from '../../infrastructure/messaging/sao-paulo-iso';
import { overdueShipmentView, shipmentView } from './shipment.presenter';

export const SHIPMENTS_READ = 'shipments:read';
export const SHIPMENTS_WRITE = 'shipments:write';

export interface ShipmentRoutesDependencies {
  unitOfWork: UnitOfWork;
  /** For queries, outside any transaction. */
  shipments: ShipmentRepository;
  clock: Clock;
}

const orderIdParams = Joi.object({
  orderId: Joi.string()
    .pattern(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be an order id (letters, digits, _ or -)' }),
});

/** An instant with its offset, as the contracts write them. */
const instant = () => timestampSchema;

function transitionBody(field: 'dispatched_at' | 'delivered_at') {
  return Joi.object({ [field]: instant().description(`defaults to now`) });
}

export function shipmentRoutes(deps: ShipmentRoutesDependencies): RouteDefinition[] {
  const getShipment = new GetShipmentByOrderHandler(deps.shipments);
  const listOverdue = new ListOverdueShipmentsHandler(deps.shipments, deps.clock);
  const listLate = new ListLateShipmentsHandler(deps.shipments);
  const dispatch = new DispatchShipmentHandler(deps.unitOfWork, deps.clock);
  const deliver = new DeliverShipmentHandler(deps.unitOfWork, deps.clock);

  const transition = (field: 'dispatched_at' | 'delivered_at', action: 'dispatch' | 'deliver'): RouteDefinition => ({
    method: 'post',
    path: `/shipments/:orderId/${action}`,
    tags: ['shipments'],
    summary: action === 'dispatch' ? 'Hand the shipment to the carrier' : 'Record the delivery to the customer',
    description: `The body is optional: \`{"${field}": "2018-06-12T14:10:00-03:00"}\`, now when absent. The same time again is an idempotent no-op (outcome \`unchanged\`); a move the shipment's state refuses is a 409 naming its current state.`,
    scopes: [SHIPMENTS_WRITE],
    validate: { params: orderIdParams },
    body: { type: 'json' },
    handler: async (req, res) => {
      // The body is optional, so it is checked here rather than by validate (which requires one).
      const { body } = validateParts({ body: transitionBody(field) }, { body: req.body ?? {}, params: {}, query: {} });
      const at = (body as Record<string, string | undefined>)[field];
      const command = { orderId: String(req.params.orderId), at: at === undefined ? null : new Date(at) };
      const result = await (action === 'dispatch' ? dispatch : deliver).execute(command);
      res.json({ outcome: result.outcome, shipment: shipmentView(result.shipment) });
    },
  });

  return [
    {
      method: 'get',
      path: '/shipments/overdue',
      tags: ['shipments'],
      summary: 'Shipments past their promised date and not delivered as of an instant',
      description:
        'Overdue at `as_of` (default now): opened by then, not canceled, not delivered by then, and the São Paulo date of `as_of` after the estimated delivery date. Ordered by estimated date, then order id; keyset pages.',
      scopes: [SHIPMENTS_READ],
      validate: {
        query: Joi.object({
          as_of: instant().description('the reference instant (default now)'),
          ...paginationQuery,
        }).rename('asOf', 'as_of'),
      },
      handler: async (req, res) => {
        const query = req.query as unknown as { as_of?: string; limit: number; cursor?: string };
        const page = await listOverdue.execute({
          asOf: query.as_of === undefined ? null : new Date(query.as_of),
          cursor: query.cursor ?? null,
          limit: query.limit,
        });
        res.json({
          as_of: toSaoPauloIso(page.asOf),
          items: page.items.map(overdueShipmentView),
          next_cursor: page.nextCursor,
        });
      },
    },
    {
      method: 'get',
      path: '/shipments/late',
      tags: ['shipments'],
      summary: 'Shipments delivered after their promised date',
      description:
        'Deliveries whose São Paulo date is after the estimated date (days_late > 0), delivered in [delivered_from, delivered_to), ordered by delivery time then order id; keyset pages.',
      scopes: [SHIPMENTS_READ],
      validate: {
        query: Joi.object({
          delivered_from: instant().description('deliveries at or after this instant'),
          delivered_to: instant().description('deliveries before this instant'),
          ...paginationQuery,
        })
          .rename('deliveredFrom', 'delivered_from')
          .rename('deliveredTo', 'delivered_to'),
      },
      handler: async (req, res) => {
        const query = req.query as unknown as { delivered_from?: string; delivered_to?: string; limit: number; cursor?: string };
        const page = await listLate.execute({
          deliveredFrom: query.delivered_from === undefined ? null : new Date(query.delivered_from),
          deliveredTo: query.delivered_to === undefined ? null : new Date(query.delivered_to),
          cursor: query.cursor ?? null,
          limit: query.limit,
        });
        res.json({ items: page.items.map(shipmentView), next_cursor: page.nextCursor });
      },
    },
    {
      method: 'get',
      path: '/shipments/:orderId',
      tags: ['shipments'],
      summary: "An order's shipment",
      scopes: [SHIPMENTS_READ],
      validate: { params: orderIdParams },
      handler: async (req, res) => {
        const orderId = String(req.params.orderId);
        const shipment = await getShipment.execute({ orderId });
        if (!shipment) throw new NotFoundError('shipment', orderId, `order ${orderId} has no shipment`);
        res.json(shipmentView(shipment));
      },
    },
    transition('dispatched_at', 'dispatch'),
    transition('delivered_at', 'deliver'),
  ];
}
