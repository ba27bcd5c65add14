import { context, propagation, trace, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';

/** Kafka message headers as kafkajs hands them to a consumer: values may be buffers, strings or lists. */
export type IncomingHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

const setter: TextMapSetter<Record<string, string>> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<IncomingHeaders> = {
  keys(carrier) {
    return Object.keys(carrier);
  },
  get(carrier, key) {
    const value = carrier[key] ?? carrier[Object.keys(carrier).find((k) => k.toLowerCase() === key) ?? ''];
    if (value === undefined) return undefined;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * Writes the active (or given) trace context into message headers as W3C `traceparent`/`tracestate`,
 * so the consumer of the message continues the producer's trace. Returns the same object.
 */
export function injectTraceContext(headers: Record<string, string>, from: Context = context.active()): Record<string, string> {
  propagation.inject(from, headers, setter);
  return headers;
}

/** The context carried by a message's headers (the active context when they carry none). */
export function extractTraceContext(headers: IncomingHeaders | undefined, base: Context = context.active()): Context {
  return propagation.extract(base, headers ?? {}, getter);
}

/** The trace and span id of the active (or given) context's span, when valid (used to tag log lines). */
export function activeTraceIds(from: Context = context.active()): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getSpanContext(from);
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
