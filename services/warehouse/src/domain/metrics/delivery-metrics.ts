import { fromScaled, ratioNumber, toScaled } from './decimal';
import { SECONDS_SCALE } from './executive-metrics';

export const DISTANCE_SCALE = 3;

/** The additive figures of mart_delivery_performance for one cell (seller state, customer state, month) or more. */
export interface DeliveryTotals {
  deliveries: number;
  /** Σ (delivered − purchase) in seconds over the deliveries. */
  deliverySeconds: string;
  lateDeliveries: number;
  /** Deliveries whose distance is known, and the sum of their distances in km. */
  distanceDeliveries: number;
  distanceKmSum: string;
}

export interface DeliveryKpis {
  deliveries: number;
  lateDeliveries: number;
  avgDeliveryDays: number | null;
  lateRate: number | null;
  avgDistanceKm: number | null;
}

export function emptyDeliveryTotals(): DeliveryTotals {
  return { deliveries: 0, deliverySeconds: '0.000000', lateDeliveries: 0, distanceDeliveries: 0, distanceKmSum: '0.000' };
}

export function addDeliveryTotals(a: DeliveryTotals, b: DeliveryTotals): DeliveryTotals {
  return {
    deliveries: a.deliveries + b.deliveries,
    deliverySeconds: fromScaled(toScaled(a.deliverySeconds, SECONDS_SCALE) + toScaled(b.deliverySeconds, SECONDS_SCALE), SECONDS_SCALE),
    lateDeliveries: a.lateDeliveries + b.lateDeliveries,
    distanceDeliveries: a.distanceDeliveries + b.distanceDeliveries,
    distanceKmSum: fromScaled(toScaled(a.distanceKmSum, DISTANCE_SCALE) + toScaled(b.distanceKmSum, DISTANCE_SCALE), DISTANCE_SCALE),
  };
}

export function deliveryKpis(totals: DeliveryTotals): DeliveryKpis {
  const deliveries = BigInt(totals.deliveries);
  return {
    deliveries: totals.deliveries,
    lateDeliveries: totals.lateDeliveries,
    avgDeliveryDays: ratioNumber(toScaled(totals.deliverySeconds, SECONDS_SCALE), SECONDS_SCALE, deliveries * 86_400n, 4),
    lateRate: ratioNumber(BigInt(totals.lateDeliveries), 0, deliveries, 4),
    avgDistanceKm: ratioNumber(toScaled(totals.distanceKmSum, DISTANCE_SCALE), DISTANCE_SCALE, BigInt(totals.distanceDeliveries), 4),
  };
}
