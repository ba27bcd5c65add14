import { InvalidMoneyError } from '../../../domain/money/money.value-object';
import { OrderClosedError, PaymentConflictError } from '../../../domain/order/order.errors';
import { storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { CancelOrderHandler } from '../cancel-order/cancel-order.handler';
import { RecordPaymentHandler } from './record-payment.handler';

describe('RecordPaymentHandler', () => {
  const payment = { sequential: 1, type: 'credit_card' as const, installments: 3, value: '38.71' };

  it('records a payment, idempotently, and refuses a different one under the same sequential', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const handler = new RecordPaymentHandler(store, clock);
    const result = await handler.execute({ orderId, ...payment });
    expect(result.order.paidTotal).toBe('38.71');
    expect(result.order.payments).toEqual([
      { sequential: 1, type: 'credit_card', installments: 3, value: '38.71' },
    ]);
    expect((await handler.execute({ orderId, ...payment })).outcome).toBe('unchanged');
    await expect(handler.execute({ orderId, ...payment, value: '38.70' })).rejects.toThrow(
      PaymentConflictError,
    );
    expect(store.outboxEvents.filter((event) => event.type === 'PaymentRecorded')).toHaveLength(1);
  });

  it('refuses a malformed amount and a payment on a canceled order', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const handler = new RecordPaymentHandler(store, clock);
    await expect(handler.execute({ orderId, ...payment, value: '38,71' })).rejects.toThrow(InvalidMoneyError);
    await new CancelOrderHandler(store, clock).execute({ orderId });
    await expect(handler.execute({ orderId, ...payment })).rejects.toThrow(OrderClosedError);
  });
});
