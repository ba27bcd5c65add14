import path from 'node:path';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createTestTopics, testInfrastructure, uniqueName, type TestTopics } from '@mercado/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { startChildService } from '../../test/support/child-service';
import { extractTraceContext } from './trace-headers';
import { startTracing, type Tracing } from './tracing';

interface ExportedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  scope: string;
}

describe('trace propagation from an HTTP request, through Kafka, to the consumer', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let topics: TestTopics;
  let consumer: Consumer;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'test-consumer', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    topics = await createTestTopics(testInfrastructure().kafkaBrokers, ['sales.order-placed'], 1);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await topics?.delete();
    await tracing?.stop();
  });

  it('the consumer of the event continues the trace the HTTP request started (same trace id)', async () => {
    const { kafkaBrokers } = testInfrastructure();
    const topic = topics.names['sales.order-placed']!;
    const service = await startChildService(path.join(__dirname, '../../test/fixtures/traced-order-service.ts'), {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      ORDER_TOPIC: topic,
      LOG_LEVEL: 'info',
    });

    consumer = new Kafka({ clientId: 'trace-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('trace_test') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const tracer = trace.getTracer('test-consumer');
    const consumed = new Promise<{ orderId: string; traceparent: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const parent = extractTraceContext(message.headers);
          tracer.startActiveSpan(`${topic} process`, { kind: SpanKind.CONSUMER }, parent, (span) => {
            span.end();
            resolve({ orderId: JSON.parse(message.value!.toString()).orderId, traceparent: String(message.headers!.traceparent) });
          });
        },
      });
    });

    const response = await fetch(`http://127.0.0.1:${service.port}/orders/e481f51cbdc54678b7cc49136f2d6af7/place`, { method: 'POST' });
    expect(response.status).toBe(202);
    const message = await consumed;
    expect(message.orderId).toBe('e481f51cbdc54678b7cc49136f2d6af7');
    expect(message.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    service.child.kill('SIGTERM');
    const dump = await service.waitForLine((line) => line.msg === 'spans');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    const produced = dump.spans as ExportedSpan[];

    const serverSpan = produced.find((span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === SpanKind.SERVER);
    const producerSpan = produced.find((span) => span.kind === SpanKind.PRODUCER);
    expect(serverSpan).toBeDefined();
    expect(producerSpan).toBeDefined();
    expect(serverSpan!.name).toBe('POST /orders/:orderId/place');
    expect(producerSpan!.traceId).toBe(serverSpan!.traceId);

    const [consumerSpan] = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CONSUMER);
    expect(consumerSpan).toBeDefined();
    expect(consumerSpan!.spanContext().traceId).toBe(serverSpan!.traceId);
    expect(consumerSpan!.parentSpanContext?.spanId).toBe(producerSpan!.spanId);
    expect(consumerSpan!.parentSpanContext?.isRemote).toBe(true);
    // The request's log line carries the same trace id.
    expect(service.lines.find((line) => line.msg === 'order placed')).toMatchObject({ traceId: serverSpan!.traceId });
  });
});
