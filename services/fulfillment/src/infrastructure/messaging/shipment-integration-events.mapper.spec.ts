import { createEnvelope, deliveryLateness } from '@mercado/contracts';
import { Shipment } from '../../domain/shipment/shipment.aggregate';
import { CalendarDate } from '../../domain/time/calendar-date.value-object';
import { olistLocalToInstant as local } from '../../domain/time/sao-paulo-time';
import { shipmentMapper } from '../persistence/shipment.mapper';
import { toSaoPauloIso } from './sao-paulo-iso';
import { anomalyFlag, toIntegrationEvents } from './shipment-integration-events.mapper';

const facts = {
  orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
  customerId: '9ef432eb6251297304e76186b10a928d',
  orderStatus: 'delivered' as const,
  purchasedAt: local('2017-10-02 10:56:33'),
  approvedAt: local('2017-10-02 11:07:15'),
  carrierAt: local('2017-10-04 19:55:00'),
  deliveredAt: local('2017-10-20 21:25:13'),
  estimatedDeliveryDate: CalendarDate.parse('2017-10-18'),
};

describe('toSaoPauloIso', () => {
  it("writes São Paulo's wall clock with the offset of the day, summer time included", () => {
    expect(toSaoPauloIso(new Date('2017-10-02T13:56:33Z'))).toBe('2017-10-02T10:56:33-03:00');
    expect(toSaoPauloIso(new Date('2018-01-22T21:36:30Z'))).toBe('2018-01-22T19:36:30-02:00');
    expect(toSaoPauloIso(new Date('2019-06-01T03:00:00.250Z'))).toBe('2019-06-01T00:00:00.250-03:00');
    // Around the change of 2017-10-15 (clocks went from 00:00 to 01:00) and back on 2018-02-18.
    expect(toSaoPauloIso(new Date('2017-10-15T02:59:59Z'))).toBe('2017-10-14T23:59:59-03:00');
    expect(toSaoPauloIso(new Date('2017-10-15T03:00:00Z'))).toBe('2017-10-15T01:00:00-02:00');
    expect(toSaoPauloIso(new Date('2018-02-18T01:59:59Z'))).toBe('2018-02-17T23:59:59-02:00');
    expect(toSaoPauloIso(new Date('2018-02-18T02:00:00Z'))).toBe('2018-02-17T23:00:00-03:00');
  });
});

describe('shipment integration events', () => {
  it('publishes an imported history as created, dispatched and delivered, valid against the contracts', () => {
    const shipment = Shipment.importHistory(facts, null);
    const events = shipment.pullEvents().flatMap(toIntegrationEvents);
    expect(events.map((e) => e.definition.type)).toEqual([
      'fulfillment.shipment.created',
      'fulfillment.shipment.dispatched',
      'fulfillment.shipment.delivered',
    ]);
    for (const { definition, data, time } of events) {
      expect(() => createEnvelope(definition, data, { source: '/mercado/fulfillment', time })).not.toThrow();
    }
    const delivered = events[2]!.data as { delivered_at: string; estimated_delivery_date: string; days_late: number; on_time: boolean };
    expect(delivered).toMatchObject({ delivered_at: '2017-10-20T21:25:13-02:00', days_late: 2, on_time: false });
    expect(deliveryLateness(delivered.delivered_at, delivered.estimated_delivery_date)).toEqual({ days_late: 2, on_time: false });
  });

  it('publishes no cancellation (sales owns it) and no empty seller limits', () => {
    const canceled = Shipment.importHistory({ ...facts, orderStatus: 'canceled', deliveredAt: null }, null);
    const types = canceled.pullEvents().map((e) => [e.type, toIntegrationEvents(e).length]);
    expect(types).toEqual([
      ['ShipmentCreated', 1],
      ['ShipmentDispatched', 1],
      ['ShipmentCanceled', 0],
    ]);
    const live = Shipment.create({
      orderId: 'o1',
      approvedAt: local('2018-01-02 10:00:00'),
      estimatedDeliveryDate: CalendarDate.parse('2018-01-20'),
      estimateSource: 'rule',
      order: null,
    });
    live.pullEvents();
    live.recordOrderLines({ customerId: 'c1', purchasedAt: local('2018-01-02 09:00:00'), lines: [] });
    expect(live.pullEvents().flatMap(toIntegrationEvents)).toEqual([]);
  });

  it('names anomalies in the contract’s kebab-case vocabulary', () => {
    expect(anomalyFlag('CARRIER_BEFORE_APPROVAL')).toBe('carrier-before-approval');
    expect(anomalyFlag('DELIVERY_TIME_MISSING')).toBe('delivered-without-date');
    const odd = Shipment.importHistory({ ...facts, approvedAt: null, carrierAt: local('2017-10-01 10:00:00') }, null);
    const dispatched = odd.pullEvents().flatMap(toIntegrationEvents)[1]!;
    expect(dispatched.data).toMatchObject({ anomalies: ['approval-time-missing', 'carrier-before-purchase'] });
  });
});

describe('shipmentMapper', () => {
  it('round-trips a snapshot through the row', () => {
    const snapshot = Shipment.importHistory(facts, {
      customerId: facts.customerId,
      purchasedAt: facts.purchasedAt,
      lines: [{ lineNumber: 1, sellerId: 's1', shippingLimitAt: local('2017-10-06 11:07:15') }],
    }).toSnapshot();
    expect(shipmentMapper.toSnapshot(shipmentMapper.toRow(snapshot))).toEqual(snapshot);
  });

  it('refuses a row with a status the domain does not know', () => {
    const row = shipmentMapper.toRow(Shipment.importHistory(facts, null).toSnapshot());
    expect(() => shipmentMapper.toSnapshot({ ...row, status: 'lost' })).toThrow('shipment e481f51cbdc54678b7cc49136f2d6af7: status holds "lost"');
  });
});
