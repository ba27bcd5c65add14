import { context, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type InboundMessage } from '../../domain/message';
import { withProcessSpan } from './process-span';
import { contextFromHeaders, traceHeaders } from './trace-headers';

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const producing = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};
const traceparent = `00-${producing.traceId}-${producing.spanId}-01`;

function message(headers: InboundMessage['headers']): InboundMessage {
  return { topic: 'sales.order.v1', partition: 0, offset: '0', key: null, value: null, headers };
}

describe('trace headers', () => {
  it('writes the active trace context as W3C headers', () => {
    const active = trace.setSpanContext(ROOT_CONTEXT, producing);
    expect(context.with(active, () => traceHeaders())).toEqual({ traceparent });
    expect(traceHeaders(ROOT_CONTEXT)).toEqual({});
  });

  it('reads it back from Kafka headers, as text or bytes', () => {
    for (const value of [traceparent, Buffer.from(traceparent), [Buffer.from(traceparent)]]) {
      const extracted = trace.getSpanContext(contextFromHeaders({ traceparent: value }, ROOT_CONTEXT));
      expect(extracted).toMatchObject({ traceId: producing.traceId, spanId: producing.spanId, isRemote: true });
    }
    expect(trace.getSpanContext(contextFromHeaders({ other: undefined }, ROOT_CONTEXT))).toBeUndefined();
  });
});

describe('withProcessSpan', () => {
  it('runs the work in a consumer span continuing the trace of the first message, linked to the others', async () => {
    const other = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const seenInside = await withProcessSpan('sales.order.v1', 'warehouse', [message({ traceparent }), message({ traceparent: other }), message({})], async () =>
      trace.getSpanContext(context.active()),
    );
    const [span] = exporter.getFinishedSpans();
    expect(span!.name).toBe('process sales.order.v1');
    expect(span!.kind).toBe(SpanKind.CONSUMER);
    expect(span!.spanContext().traceId).toBe(producing.traceId);
    expect(span!.parentSpanContext?.spanId).toBe(producing.spanId);
    expect(span!.links.map((l) => l.context.traceId)).toEqual(['0af7651916cd43dd8448eb211c80319c']);
    expect(span!.attributes).toMatchObject({ 'messaging.consumer.group.name': 'warehouse', 'messaging.batch.message_count': 3 });
    expect(seenInside?.spanId).toBe(span!.spanContext().spanId);
  });

  it('records a failure on the span and passes it on', async () => {
    await expect(withProcessSpan('t', 'c', [], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toMatchObject({ code: 2, message: 'boom' });
    expect(span!.events.map((e) => e.name)).toEqual(['exception']);
  });
});
