import { realOlistOrders } from '../../domain/order/olist-real-orders.test-double';
import { Order } from '../../domain/order/order.aggregate';
import { OrderMapper } from './order.mapper';

describe('OrderMapper', () => {
  it('turns every real Olist order into rows and back into the same order', () => {
    for (const record of realOlistOrders().values()) {
      const order = Order.importHistorical(record);
      const rows = OrderMapper.toRows(order, 3);
      expect(rows.order.version).toBe(3);
      expect(rows.steps.map((step) => step.position)).toEqual(order.statusHistory.map((_, index) => index + 1));
      // Rows come back from the database in any order.
      const restored = OrderMapper.toDomain({ ...rows, lines: [...rows.lines].reverse(), steps: [...rows.steps].reverse(), payments: [...rows.payments].reverse() });
      expect(restored.toSnapshot()).toEqual({ ...order.toSnapshot(), version: 3 });
      expect(restored.hasSameFactsAs(order)).toBe(true);
    }
  });
});
