// Builders shared by the use-case tests.
import { olistLocalToInstant } from '../../domain/time/sao-paulo-time';
import { type RecordOrderLinesCommand } from '../commands/record-order-lines/record-order-lines.command';
import { type OlistOrderRow } from '../commands/import-shipments/import-shipments.command';

export const local = olistLocalToInstant;

/** The first row of Olist's orders file. */
export function olistRow(overrides: Partial<OlistOrderRow> = {}): OlistOrderRow {
  return {
    order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
    customer_id: '9ef432eb6251297304e76186b10a928d',
    order_status: 'delivered',
    order_purchase_timestamp: '2017-10-02 10:56:33',
    order_approved_at: '2017-10-02 11:07:15',
    order_delivered_carrier_date: '2017-10-04 19:55:00',
    order_delivered_customer_date: '2017-10-10 21:25:13',
    order_estimated_delivery_date: '2017-10-18 00:00:00',
    ...overrides,
  };
}

export function placedOrder(overrides: Partial<RecordOrderLinesCommand> = {}): RecordOrderLinesCommand {
  return {
    orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
    customerId: '9ef432eb6251297304e76186b10a928d',
    purchasedAt: local('2017-10-02 10:56:33'),
    imported: false,
    lines: [
      {
        lineNumber: 1,
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: local('2017-10-06 11:07:15'),
      },
    ],
    ...overrides,
  };
}
