import { type RouteDefinition } from '@mercado/service-kit';
import { type Request, type Response } from 'express';
import { type ApproveOrderHandler } from '../../application/commands/approve-order/approve-order.handler';
import { type CancelOrderHandler } from '../../application/commands/cancel-order/cancel-order.handler';
import { type InvoiceOrderHandler } from '../../application/commands/invoice-order/invoice-order.handler';
import { type PlaceOrderHandler } from '../../application/commands/place-order/place-order.handler';
import { type RecordPaymentHandler } from '../../application/commands/record-payment/record-payment.handler';
import { type OrderCommandResult } from '../../application/commands/shared/order-command.result';
import { type PaymentType } from '../../domain/order/payment.entity';
import { type GetOrderHandler } from '../../application/queries/get-order/get-order.handler';
import { type ListOrdersHandler } from '../../application/queries/list-orders/list-orders.handler';
import {
  cancelBody,
  listOrdersQuery,
  orderCommandResultSchema,
  orderIdParams,
  orderPageSchema,
  orderViewSchema,
  placeOrderBody,
  recordPaymentBody,
  transitionBody,
} from './order.schemas';

export interface OrderUseCases {
  placeOrder: PlaceOrderHandler;
  approveOrder: ApproveOrderHandler;
  invoiceOrder: InvoiceOrderHandler;
  cancelOrder: CancelOrderHandler;
  recordPayment: RecordPaymentHandler;
  getOrder: GetOrderHandler;
  listOrders: ListOrdersHandler;
}

const WRITE = ['orders:write'];
const READ = ['orders:read'];
const date = (value: unknown): Date | undefined => (typeof value === 'string' ? new Date(value) : undefined);

/** A command's answer: 201 when it created something, 200 otherwise (a repeat says `unchanged`). */
function answer(res: Response, result: OrderCommandResult, created = false): void {
  res.status(created && result.outcome === 'changed' ? 201 : 200).json(result);
}

function transition(
  path: string,
  summary: string,
  run: (orderId: string, body: Record<string, unknown>) => Promise<OrderCommandResult>,
  body = transitionBody,
): RouteDefinition {
  return {
    method: 'post',
    path: `/orders/:orderId/${path}`,
    tags: ['orders'],
    summary,
    description: 'The body may be `{}`. Repeating the same transition at the same time is a no-op (outcome `unchanged`). ' +
      'A transition the order’s status does not allow is a 409 naming the current status and the attempted one.',
    scopes: WRITE,
    validate: { params: orderIdParams, body },
    responses: { 200: { description: 'The order after the transition', schema: orderCommandResultSchema } },
    handler: async (req: Request, res: Response) => answer(res, await run(req.params.orderId as string, req.body as Record<string, unknown>)),
  };
}

/** The orders API: place, approve, invoice, cancel, record a payment, get one, list. */
export function orderRoutes(useCases: OrderUseCases): RouteDefinition[] {
  return [
    {
      method: 'post',
      path: '/orders',
      tags: ['orders'],
      summary: 'Place an order',
      description: 'Idempotent: the same order id with the same content answers 200 `unchanged`; with other content 409 `order-conflict`.',
      scopes: WRITE,
      validate: { body: placeOrderBody },
      responses: {
        201: { description: 'Placed', schema: orderCommandResultSchema },
        200: { description: 'Already placed with this content', schema: orderCommandResultSchema },
      },
      handler: async (req, res) => {
        const body = req.body as {
          orderId: string;
          customerId: string;
          purchasedAt?: string;
          estimatedDeliveryDate?: string | null;
          lines: { lineNumber: number; productId: string; sellerId: string; shippingLimitAt: string; price: string; freight: string }[];
        };
        const result = await useCases.placeOrder.execute({
          orderId: body.orderId,
          customerId: body.customerId,
          purchasedAt: date(body.purchasedAt),
          estimatedDeliveryDate: body.estimatedDeliveryDate,
          lines: body.lines.map((line) => ({ ...line, shippingLimitAt: new Date(line.shippingLimitAt) })),
        });
        res.location(`/orders/${encodeURIComponent(result.order.orderId)}`);
        answer(res, result, true);
      },
    },
    transition('approve', 'Approve the order’s payment', (orderId, body) => useCases.approveOrder.execute({ orderId, at: date(body.at) })),
    transition('invoice', 'Record the invoice (nota fiscal)', (orderId, body) => useCases.invoiceOrder.execute({ orderId, at: date(body.at) })),
    transition(
      'cancel',
      'Cancel the order (until it is handed to the carrier)',
      (orderId, body) => useCases.cancelOrder.execute({ orderId, at: date(body.at), reason: (body.reason as string | null | undefined) ?? null }),
      cancelBody,
    ),
    {
      method: 'post',
      path: '/orders/:orderId/payments',
      tags: ['orders'],
      summary: 'Record a payment',
      description: 'The same payment again is 200 `unchanged`; another payment under a known sequential is 409 `payment-conflict`.',
      scopes: WRITE,
      validate: { params: orderIdParams, body: recordPaymentBody },
      responses: {
        201: { description: 'Recorded', schema: orderCommandResultSchema },
        200: { description: 'Already recorded', schema: orderCommandResultSchema },
      },
      handler: async (req, res) => {
        const body = req.body as { sequential: number; type: string; installments: number; value: string; at?: string };
        const result = await useCases.recordPayment.execute({
          orderId: req.params.orderId as string,
          sequential: body.sequential,
          type: body.type as PaymentType,
          installments: body.installments,
          value: body.value,
          at: date(body.at),
        });
        answer(res, result, true);
      },
    },
    {
      method: 'get',
      path: '/orders/:orderId',
      tags: ['orders'],
      summary: 'An order with its lines, payments and status history',
      scopes: READ,
      validate: { params: orderIdParams },
      responses: { 200: { description: 'The order', schema: orderViewSchema } },
      handler: async (req, res) => {
        res.json(await useCases.getOrder.execute({ orderId: req.params.orderId as string }));
      },
    },
    {
      method: 'get',
      path: '/orders',
      tags: ['orders'],
      summary: 'Orders, newest purchase first, by customer account, status and purchase period',
      scopes: READ,
      validate: { query: listOrdersQuery },
      responses: { 200: { description: 'One page; pass nextCursor as cursor for the next', schema: orderPageSchema } },
      handler: async (req, res) => {
        const query = req.query as Record<string, unknown>;
        res.json(
          await useCases.listOrders.execute({
            customerId: query.customerId as string | undefined,
            status: query.status as string | undefined,
            purchasedFrom: date(query.purchasedFrom),
            purchasedBefore: date(query.purchasedBefore),
            cursor: query.cursor as string | undefined,
            limit: query.limit as number,
          }),
        );
      },
    },
  ];
}
