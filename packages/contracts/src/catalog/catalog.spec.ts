import Joi from 'joi';
import { salesOrderApprovedV1, salesOrderPlacedV1 } from '../events/sales/order.events';
import { catalog, CatalogError, createCatalog } from './catalog';
import { defineEvent } from './event-definition';
import { dlqTopicName, TOPICS } from './topics';

describe('catalog', () => {
  it('finds a definition by type and version', () => {
    expect(catalog.find('sales.order.placed', 1)).toBe(salesOrderPlacedV1);
    expect(catalog.find('sales.order.placed', 2)).toBeUndefined();
    expect(catalog.find('nope.nope.nope', 1)).toBeUndefined();
    expect(catalog.latest('sales.order.placed')).toBe(salesOrderPlacedV1);
    expect(catalog.latest('nope.nope.nope')).toBeUndefined();
    expect(catalog.versionsOf('sales.order.approved')).toEqual([salesOrderApprovedV1]);
  });

  it('lists topics with their events, and the topic of a type', () => {
    const orders = catalog.topics().find((t) => t.name === 'sales.order.v1');
    expect(orders).toMatchObject({
      partitions: 6,
      retentionMs: -1,
      cleanupPolicy: 'delete',
      key: 'order_id',
    });
    expect(orders!.events).toContain('sales.order.placed');
    expect(catalog.topic('sales.order.v1')).toEqual(orders);
    expect(catalog.topic('nope')).toBeUndefined();
    expect(catalog.topicOf('sales.payment.recorded')).toBe('sales.payment.v1');
    expect(() => catalog.topicOf('nope.nope.nope')).toThrow(CatalogError);
  });

  it('names dead-letter topics', () => {
    expect(dlqTopicName('sales.order.v1')).toBe('sales.order.v1.dlq');
  });

  describe('createCatalog refuses an incoherent catalog', () => {
    const orderTopic = TOPICS.salesOrder;
    const version = (v: number, topic: string = orderTopic.name) =>
      defineEvent({ ...salesOrderApprovedV1, version: v, topic, schema: Joi.object() });

    it('an event on an undeclared topic', () => {
      expect(() => createCatalog([orderTopic], [version(1, 'elsewhere.v1')])).toThrow(
        /undeclared topic elsewhere\.v1/,
      );
    });
    it('the same (type, version) twice', () => {
      expect(() => createCatalog([orderTopic], [version(1), version(1)])).toThrow(/declared twice/);
    });
    it('versions of one type on two topics', () => {
      expect(() =>
        createCatalog([orderTopic, TOPICS.salesPayment], [version(1), version(2, TOPICS.salesPayment.name)]),
      ).toThrow(/on one topic/);
    });
    it('a gap in the versions', () => {
      expect(() => createCatalog([orderTopic], [version(1), version(3)])).toThrow(/without gaps/);
    });
    it('accepts versions declared out of order and sorts them', () => {
      const built = createCatalog([orderTopic], [version(2), version(1)]);
      expect(built.versionsOf(salesOrderApprovedV1.type).map((d) => d.version)).toEqual([1, 2]);
      expect(built.latest(salesOrderApprovedV1.type)!.version).toBe(2);
    });
  });
});
