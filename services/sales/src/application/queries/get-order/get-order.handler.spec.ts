import { realOlistOrder } from '../../../domain/order/olist-real-orders.test-double';
import { OrderNotFoundError } from '../../application.errors';
import { ImportOrdersHandler } from '../../commands/import-orders/import-orders.handler';
import { InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { GetOrderHandler } from './get-order.handler';

describe('GetOrderHandler', () => {
  it('returns the order as a view with São Paulo offsets, decimal amounts, history and anomalies', async () => {
    const store = new InMemorySalesStore();
    await new ImportOrdersHandler(store).execute({
      records: [realOlistOrder('2d1e2d5bf4dc7227b3bfebb81328c15f')],
    });
    const view = await new GetOrderHandler(store.orders).execute({
      orderId: '2d1e2d5bf4dc7227b3bfebb81328c15f',
    });
    expect(view).toMatchObject({
      orderId: '2d1e2d5bf4dc7227b3bfebb81328c15f',
      customerId: 'ec05a6d8558c6455f0cbbd8a420ad34f',
      status: 'delivered',
      purchasedAt: '2017-11-28T17:44:07-02:00',
      approvedAt: '2017-11-28T17:56:40-02:00',
      deliveredCarrierAt: '2017-11-30T18:12:23-02:00',
      deliveredCustomerAt: null,
      estimatedDeliveryDate: '2017-12-18',
      total: '0.00',
      origin: 'import',
      version: 1,
    });
    expect(view.anomalies).toEqual(
      expect.arrayContaining(['DELIVERY_TIME_MISSING', 'NO_LINES', 'NO_PAYMENTS']),
    );
    expect(view.statusHistory.at(-1)).toEqual({
      status: 'delivered',
      at: '2017-11-30T18:12:23-02:00',
      derived: true,
    });
  });

  it('answers OrderNotFoundError for an unknown id', async () => {
    await expect(
      new GetOrderHandler(new InMemorySalesStore().orders).execute({ orderId: 'x' }),
    ).rejects.toThrow(OrderNotFoundError);
  });
});
