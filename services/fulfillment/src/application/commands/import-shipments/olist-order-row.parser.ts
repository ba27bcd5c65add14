import {
  type ImportedShipmentFacts,
  isOlistOrderStatus,
  OLIST_ORDER_STATUSES,
} from '../../../domain/shipment/imported-shipment-facts';
import { InvalidFieldError, MissingFieldError } from '../../../domain/shared/fulfillment-domain-error';
import { CalendarDate } from '../../../domain/time/calendar-date.value-object';
import { olistLocalToInstant } from '../../../domain/time/sao-paulo-time';
import { type OlistOrderRow } from './import-shipments.command';

/** The shape of a natural id (Olist's are 32 hex characters); rejects damaged copies. */
const ENTITY_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

function text(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function requiredId(row: OlistOrderRow, field: 'order_id' | 'customer_id'): string {
  const value = text(row[field]);
  if (value === null) throw new MissingFieldError(field);
  if (!ENTITY_ID.test(value))
    throw new InvalidFieldError(field, value, 'is not an id (letters, digits, _ or -)');
  return value;
}

function optionalInstant(row: OlistOrderRow, field: keyof OlistOrderRow): Date | null {
  const value = text(row[field]);
  return value === null ? null : olistLocalToInstant(value, field);
}

/** Reads one orders-file row; throws a FulfillmentDomainError naming the first bad column. */
export function parseOlistOrderRow(row: OlistOrderRow): ImportedShipmentFacts {
  const orderId = requiredId(row, 'order_id');
  const customerId = requiredId(row, 'customer_id');
  const status = text(row.order_status);
  if (status !== null && !isOlistOrderStatus(status)) {
    throw new InvalidFieldError('order_status', status, `must be one of ${OLIST_ORDER_STATUSES.join(', ')}`);
  }
  const purchase = text(row.order_purchase_timestamp);
  if (purchase === null) throw new MissingFieldError('order_purchase_timestamp');
  const estimate = text(row.order_estimated_delivery_date);
  if (estimate === null) throw new MissingFieldError('order_estimated_delivery_date');
  return {
    orderId,
    customerId,
    orderStatus: status,
    purchasedAt: olistLocalToInstant(purchase, 'order_purchase_timestamp'),
    approvedAt: optionalInstant(row, 'order_approved_at'),
    carrierAt: optionalInstant(row, 'order_delivered_carrier_date'),
    deliveredAt: optionalInstant(row, 'order_delivered_customer_date'),
    estimatedDeliveryDate: CalendarDate.parse(estimate, 'order_estimated_delivery_date'),
  };
}
