import pino from 'pino';
import request from 'supertest';
import { parsePrometheusText, samplesOf } from '../../test/support/prometheus-text';
import { createHttpApp } from '../http/http-app';
import { NotFoundError } from '../http/problem';
import type { MessagingMetrics } from './messaging-metrics.port';
import { createMetrics } from './metrics';

describe('metrics', () => {
  it('/metrics parses as Prometheus text with default process metrics and RED series under route templates', async () => {
    const kit = createHttpApp({
      serviceName: 'sales',
      logger: pino({ level: 'silent' }),
      routes: [
        {
          method: 'get',
          path: '/orders/:orderId',
          public: true,
          handler: (req, res) => {
            if (req.params.orderId === 'missing') throw new NotFoundError('order', 'missing');
            res.json({ ok: true });
          },
        },
      ],
    });
    await request(kit.app).get('/orders/e481f51cbdc54678b7cc49136f2d6af7').expect(200);
    await request(kit.app).get('/orders/53cdb2fc8bc7dce0b6741e2150273451').expect(200);
    await request(kit.app).get('/orders/missing').expect(404);
    await request(kit.app).get('/no/such/path/42').expect(404);
    await request(kit.app).put('/orders/x').expect(405);

    const response = await request(kit.app).get('/metrics').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const parsed = parsePrometheusText(response.text);

    expect(parsed.types).toMatchObject({
      http_requests_total: 'counter',
      http_request_duration_seconds: 'histogram',
      process_cpu_user_seconds_total: 'counter',
      nodejs_heap_size_used_bytes: 'gauge',
    });
    const total = (labels: Record<string, string>) => samplesOf(parsed, 'http_requests_total', labels).map((s) => s.value);
    expect(total({ method: 'GET', route: '/orders/:orderId', status: '200', service: 'sales' })).toEqual([2]);
    expect(total({ method: 'GET', route: '/orders/:orderId', status: '404' })).toEqual([1]);
    expect(total({ method: 'GET', route: 'unmatched', status: '404' })).toEqual([1]);
    expect(total({ method: 'PUT', route: '/orders/:orderId', status: '405' })).toEqual([1]);
    // Raw paths never become label values.
    expect(parsed.samples.some((s) => Object.values(s.labels).some((v) => v.includes('e481f51c') || v.includes('/no/such')))).toBe(false);

    const buckets = samplesOf(parsed, 'http_request_duration_seconds_bucket', { route: '/orders/:orderId', status: '200' });
    expect(buckets.map((b) => b.labels.le)).toEqual(['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf']);
    expect(buckets.at(-1)!.value).toBe(2);
    expect(samplesOf(parsed, 'http_request_duration_seconds_count', { route: '/orders/:orderId', status: '200' })[0]!.value).toBe(2);
  });

  it('the parser refuses what is not Prometheus text', () => {
    expect(() => parsePrometheusText('{"not":"prometheus"}\n')).toThrow('not a sample');
    expect(() => parsePrometheusText('orphan_metric 1\n')).toThrow('sample without TYPE');
    expect(() => parsePrometheusText('# TYPE x counter\nx{a=1} 2\n')).toThrow('bad labels');
    expect(() => parsePrometheusText('# TYPE x counter\nx 1.2.3\n')).toThrow('bad value');
  });

  it('implements the messaging metrics port on the same registry', async () => {
    const metrics = createMetrics({ serviceName: 'fulfillment', defaultMetrics: false });
    const port: MessagingMetrics = metrics.messaging;
    port.eventsPublished('sales.order-placed.v1', 3);
    port.eventsPublished('sales.order-placed.v1', 2);
    port.eventsConsumed('sales.order-placed.v1', 'fulfillment', 4);
    port.eventsDeadLettered('sales.order-placed.v1', 'fulfillment', 'contract-violation');
    port.batchProcessed('fulfillment', 120, 0.3);
    port.outboxBacklog(17, 4.5);
    port.consumerLag('fulfillment', 'sales.order-placed.v1', 2, 250);

    const parsed = parsePrometheusText(await metrics.render());
    const value = (name: string, labels: Record<string, string> = {}) => samplesOf(parsed, name, labels).map((s) => s.value);
    expect(value('messaging_events_published_total', { topic: 'sales.order-placed.v1', service: 'fulfillment' })).toEqual([5]);
    expect(value('messaging_events_consumed_total', { consumer: 'fulfillment' })).toEqual([4]);
    expect(value('messaging_events_dead_lettered_total', { reason: 'contract-violation' })).toEqual([1]);
    expect(value('messaging_batch_size_sum', { consumer: 'fulfillment' })).toEqual([120]);
    expect(value('messaging_batch_duration_seconds_count', { consumer: 'fulfillment' })).toEqual([1]);
    expect(value('messaging_outbox_backlog')).toEqual([17]);
    expect(value('messaging_outbox_oldest_age_seconds')).toEqual([4.5]);
    expect(value('messaging_consumer_lag', { topic: 'sales.order-placed.v1', partition: '2' })).toEqual([250]);
    // No default metrics when asked not to.
    expect(parsed.types).not.toHaveProperty('process_cpu_user_seconds_total');
  });

  it('keeps each app’s registry separate', async () => {
    const a = createMetrics({ serviceName: 'a', defaultMetrics: false });
    const b = createMetrics({ serviceName: 'b', defaultMetrics: false });
    a.observeRequest('get', '/x', 200, 0.01);
    expect(samplesOf(parsePrometheusText(await a.render()), 'http_requests_total')).toHaveLength(1);
    expect(samplesOf(parsePrometheusText(await b.render()), 'http_requests_total')).toHaveLength(0);
  });
});
