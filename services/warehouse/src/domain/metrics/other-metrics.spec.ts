import { addDeliveryTotals, deliveryKpis, emptyDeliveryTotals } from './delivery-metrics';
import { allSegmentsTotals, segmentKpis } from './segment-metrics';
import { addSellerTotals, emptySellerTotals, sellerKpis } from './seller-metrics';

describe('seller KPIs', () => {
  it('derive rates and means from sums, over one month or several', () => {
    const january = {
      ...emptySellerTotals(),
      orders: 4,
      lines: 5,
      revenue: '250.10',
      freight: '40.00',
      reviewCount: 3,
      reviewScoreSum: 11,
      deliveredOrders: 4,
      lateOrders: 1,
      handoffOrders: 4,
      handoffSeconds: '518400.000000', // 144 hours
      handoffLines: 5,
      lateHandoffLines: 2,
    };
    const february = { ...emptySellerTotals(), orders: 1, canceledOrders: 1, lines: 1, revenue: '9.90', freight: '5.00', handoffOrders: 1, handoffSeconds: '3600.000000', handoffLines: 1 };
    expect(sellerKpis(january)).toEqual({
      orders: 4,
      canceledOrders: 0,
      lines: 5,
      revenue: '250.10',
      freight: '40.00',
      avgReviewScore: 3.6667,
      lateDeliveryRate: 0.25,
      avgHandoffHours: 36,
      lateHandoffShare: 0.4,
    });
    expect(sellerKpis(addSellerTotals(january, february))).toEqual({
      orders: 5,
      canceledOrders: 1,
      lines: 6,
      revenue: '260.00',
      freight: '45.00',
      avgReviewScore: 3.6667,
      lateDeliveryRate: 0.25,
      avgHandoffHours: 29,
      lateHandoffShare: 0.3333,
    });
    expect(sellerKpis(emptySellerTotals())).toMatchObject({ avgReviewScore: null, lateDeliveryRate: null, avgHandoffHours: null, lateHandoffShare: null });
  });
});

describe('segment KPIs', () => {
  it('derive per-customer means and sum to an all-segments line', () => {
    const champions = { segment: 'champions', customers: 3, orders: 10, revenue: '1000.00', recencyCustomers: 3, recencyDaysSum: 30 };
    const lost = { segment: 'lost', customers: 2, orders: 2, revenue: '50.01', recencyCustomers: 1, recencyDaysSum: 400 };
    expect(segmentKpis(champions)).toEqual({
      segment: 'champions',
      customers: 3,
      orders: 10,
      revenue: '1000.00',
      avgOrders: 3.3333,
      revenuePerCustomer: '333.33',
      avgRecencyDays: 10,
    });
    expect(segmentKpis(allSegmentsTotals([champions, lost]))).toEqual({
      segment: 'all',
      customers: 5,
      orders: 12,
      revenue: '1050.01',
      avgOrders: 2.4,
      revenuePerCustomer: '210.00',
      avgRecencyDays: 107.5,
    });
    expect(segmentKpis({ segment: 'x', customers: 0, orders: 0, revenue: '0.00', recencyCustomers: 0, recencyDaysSum: 0 })).toMatchObject({
      avgOrders: null,
      revenuePerCustomer: null,
      avgRecencyDays: null,
    });
  });
});

describe('delivery KPIs', () => {
  it('derive means and the late rate from sums', () => {
    const a = { deliveries: 2, deliverySeconds: '864000.000000', lateDeliveries: 1, distanceDeliveries: 2, distanceKmSum: '700.500' };
    const b = { deliveries: 2, deliverySeconds: '172800.000000', lateDeliveries: 0, distanceDeliveries: 1, distanceKmSum: '10.000' };
    expect(deliveryKpis(a)).toEqual({ deliveries: 2, lateDeliveries: 1, avgDeliveryDays: 5, lateRate: 0.5, avgDistanceKm: 350.25 });
    expect(deliveryKpis(addDeliveryTotals(a, b))).toEqual({ deliveries: 4, lateDeliveries: 1, avgDeliveryDays: 3, lateRate: 0.25, avgDistanceKm: 236.8333 });
    expect(deliveryKpis(emptyDeliveryTotals())).toEqual({ deliveries: 0, lateDeliveries: 0, avgDeliveryDays: null, lateRate: null, avgDistanceKm: null });
  });
});
