import { catalog } from '../catalog/catalog';
import { createEnvelope } from '../envelope/create-envelope';
import { validateEnvelope } from '../envelope/validate-envelope';

describe.each(
  catalog.events.map((definition) => [`${definition.type} v${definition.version}`, definition] as const),
)('%s', (_name, definition) => {
  it('has at least two fixtures, each valid against its schema as a producer must send it', () => {
    expect(definition.fixtures.length).toBeGreaterThanOrEqual(2);
    for (const fixture of definition.fixtures) {
      const { error } = definition.schema.validate(fixture, {
        abortEarly: false,
        convert: false,
        allowUnknown: false,
      });
      expect(error?.message).toBeUndefined();
    }
  });

  it('round-trips every fixture through createEnvelope, JSON and validateEnvelope', () => {
    for (const fixture of definition.fixtures) {
      const envelope = createEnvelope(definition, fixture, { source: '/mercado/test', time: new Date() });
      const result = validateEnvelope(JSON.stringify(envelope));
      expect(result).toEqual({ ok: true, envelope, definition });
    }
  });

  it("is on a declared topic of its own context, listed among that topic's events", () => {
    const topic = catalog.topic(definition.topic);
    expect(topic).toBeDefined();
    expect(topic!.events).toContain(definition.type);
    expect(catalog.topicOf(definition.type)).toBe(definition.topic);
    expect(definition.topic.split('.')[0]).toBe(definition.type.split('.')[0]);
  });

  it('keys every fixture by the field its topic is keyed by', () => {
    const keyField = catalog.topic(definition.topic)!.key;
    for (const fixture of definition.fixtures) {
      const expected = (fixture as Record<string, unknown>)[keyField];
      expect(typeof expected).toBe('string');
      expect(definition.key(fixture)).toBe(expected);
    }
  });
});

describe('the catalog as a whole', () => {
  it('lists every topic once, with 6 partitions for the high-volume ones and 3 for the others', () => {
    const partitions = Object.fromEntries(catalog.topics().map((t) => [t.name, t.partitions]));
    expect(partitions).toEqual({
      'sales.order.v1': 6,
      'sales.payment.v1': 6,
      'customer.customer.v1': 3,
      'customer.review.v1': 3,
      'fulfillment.shipment.v1': 6,
      'marketplace.product.v1': 3,
      'marketplace.seller.v1': 3,
    });
    for (const topic of catalog.topics()) {
      expect(topic).toMatchObject({ retentionMs: -1, cleanupPolicy: 'delete' });
      expect(topic.events.length).toBeGreaterThan(0);
    }
  });

  it('has every type the services rely on', () => {
    expect(catalog.events.map((d) => `${d.type}@${d.version}`)).toEqual([
      'sales.order.placed@1',
      'sales.order.approved@1',
      'sales.order.invoiced@1',
      'sales.order.processing-started@1',
      'sales.order.shipped@1',
      'sales.order.delivered@1',
      'sales.order.canceled@1',
      'sales.order.unavailable@1',
      'sales.payment.recorded@1',
      'customer.customer.registered@1',
      'customer.account.added@1',
      'customer.customer.relocated@1',
      'customer.segment.changed@1',
      'customer.review.submitted@1',
      'fulfillment.shipment.created@1',
      'fulfillment.shipment.seller-limits-recorded@1',
      'fulfillment.shipment.dispatched@1',
      'fulfillment.shipment.delivered@1',
      'marketplace.product.listed@1',
      'marketplace.product.updated@1',
      'marketplace.seller.onboarded@1',
      'marketplace.seller.relocated@1',
    ]);
  });
});
