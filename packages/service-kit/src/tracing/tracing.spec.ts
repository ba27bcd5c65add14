import { propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { activeTraceIds, extractTraceContext, injectTraceContext } from './trace-headers';
import { startTracing, tracingDecision } from './tracing';

describe('tracingDecision', () => {
  it('is off in tests, when disabled, with exporter none, or with no exporter configured', () => {
    expect(tracingDecision({ JEST_WORKER_ID: '1' }, false)).toEqual({ enabled: false, reason: 'tests run without an exporter' });
    expect(tracingDecision({ NODE_ENV: 'test' }, false).enabled).toBe(false);
    expect(tracingDecision({ OTEL_SDK_DISABLED: 'TRUE', OTEL_TRACES_EXPORTER: 'otlp' }, false)).toEqual({ enabled: false, reason: 'OTEL_SDK_DISABLED=true' });
    expect(tracingDecision({ OTEL_TRACES_EXPORTER: 'none' }, false)).toEqual({ enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' });
    expect(tracingDecision({}, false)).toEqual({ enabled: false, reason: 'no exporter configured (set OTEL_TRACES_EXPORTER or OTEL_EXPORTER_OTLP_ENDPOINT)' });
  });

  it('is on with an exporter or an OTLP endpoint, even in tests when one is named', () => {
    expect(tracingDecision({ OTEL_TRACES_EXPORTER: 'otlp, console' }, false)).toEqual({ enabled: true, reason: 'OTEL_TRACES_EXPORTER=otlp,console' });
    expect(tracingDecision({ JEST_WORKER_ID: '1', OTEL_TRACES_EXPORTER: 'console' }, false).enabled).toBe(true);
    expect(tracingDecision({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false)).toEqual({ enabled: true, reason: 'OTLP endpoint configured' });
    expect(tracingDecision({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }, false).enabled).toBe(true);
    expect(tracingDecision({ OTEL_SDK_DISABLED: 'true' }, true)).toEqual({ enabled: true, reason: 'span processors given' });
  });

  it('startTracing without an exporter starts nothing but still propagates W3C context', async () => {
    const tracing = startTracing({ serviceName: 'x', env: { JEST_WORKER_ID: '1' } });
    expect(tracing.enabled).toBe(false);
    expect(tracing.reason).toBe('tests run without an exporter');
    await tracing.stop();
    expect(propagation.fields()).toEqual(['traceparent', 'tracestate']);
  });
});

describe('trace headers', () => {
  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));

  const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };

  it('injects the given context as traceparent into message headers', () => {
    const headers = injectTraceContext({ 'event-type': 'x' }, trace.setSpanContext(ROOT_CONTEXT, spanContext));
    expect(headers).toEqual({ 'event-type': 'x', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
  });

  it('injects nothing without an active span', () => {
    expect(injectTraceContext({})).toEqual({});
  });

  it('extracts the context from kafkajs headers (buffers, strings, arrays)', () => {
    for (const traceparent of [
      Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      [Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')],
    ]) {
      const extracted = trace.getSpanContext(extractTraceContext({ traceparent, other: undefined }));
      expect(extracted).toEqual({ ...spanContext, isRemote: true });
    }
    expect(trace.getSpanContext(extractTraceContext({ TraceParent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' }))?.traceFlags).toBe(0);
  });

  it('keeps the base context when the headers carry none', () => {
    expect(trace.getSpanContext(extractTraceContext(undefined, ROOT_CONTEXT))).toBeUndefined();
    expect(trace.getSpanContext(extractTraceContext({ traceparent: [] }))).toBeUndefined();
    expect(trace.getSpanContext(extractTraceContext({ traceparent: 'garbage' }))).toBeUndefined();
  });

  it('reads active trace ids only for a valid span', () => {
    expect(activeTraceIds(ROOT_CONTEXT)).toBeUndefined();
    expect(activeTraceIds(trace.setSpanContext(ROOT_CONTEXT, spanContext))).toEqual({ traceId: spanContext.traceId, spanId: spanContext.spanId });
    const invalid = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 };
    expect(activeTraceIds(trace.setSpanContext(ROOT_CONTEXT, invalid))).toBeUndefined();
  });
});
