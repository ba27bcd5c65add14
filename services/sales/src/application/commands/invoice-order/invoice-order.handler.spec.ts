import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { ApproveOrderHandler } from '../approve-order/approve-order.handler';
import { InvoiceOrderHandler } from './invoice-order.handler';

describe('InvoiceOrderHandler', () => {
  it('invoices an approved order', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await new ApproveOrderHandler(store, clock).execute({ orderId, at: hoursLater(1) });
    const result = await new InvoiceOrderHandler(store, clock).execute({ orderId, at: hoursLater(2) });
    expect(result.order.status).toBe('invoiced');
    expect(store.outboxEvents.at(-1)).toMatchObject({ type: 'OrderInvoiced', occurredAt: hoursLater(2) });
  });

  it('refuses to invoice an order not approved', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await expect(new InvoiceOrderHandler(store, clock).execute({ orderId })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
  });
});
