import { salesOrderApprovedV1 } from '@mercado/contracts';
import { orderApproved } from '../../test-support/sample-events';
import { createOutboxWriter, parseTopicOverrides, topicResolver } from './service-messaging';

describe('topic overrides', () => {
  it('reads catalog=actual pairs, ignoring blanks and spaces', () => {
    expect(parseTopicOverrides(' sales.order.v1 = t_order_1 ,, fulfillment.shipment.v1=t_ship')).toEqual({
      'sales.order.v1': 't_order_1',
      'fulfillment.shipment.v1': 't_ship',
    });
    expect(parseTopicOverrides(undefined)).toEqual({});
    expect(parseTopicOverrides('')).toEqual({});
  });

  it('names the entry that is not name=name', () => {
    expect(() => parseTopicOverrides('sales.order.v1=a,sales.payment.v1')).toThrow('"sales.payment.v1" is not catalog.topic=actual.topic');
    expect(() => parseTopicOverrides('a=b c')).toThrow('"a=b c"');
  });

  it('resolves overridden names and keeps the others', () => {
    const resolve = topicResolver({ 'sales.order.v1': 'mine' });
    expect(resolve('sales.order.v1')).toBe('mine');
    expect(resolve('sales.payment.v1')).toBe('sales.payment.v1');
  });

  it('writes each event on its overridden catalog topic', async () => {
    const writer = createOutboxWriter({ [salesOrderApprovedV1.topic]: 'unique_orders' });
    const seen: unknown[][] = [];
    await writer.append({ query: async (_text: string, values?: unknown[]) => seen.push(values ?? []) }, [orderApproved('o-1')]);
    // The writer sends its rows as one JSON array parameter.
    expect(JSON.parse(seen[0]![0] as string).map((row: { topic: string }) => row.topic)).toEqual(['unique_orders']);
  });
});
