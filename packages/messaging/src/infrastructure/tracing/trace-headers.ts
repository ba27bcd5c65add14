import { context, propagation, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { type MessageHeaders } from '../../domain/message';

const headerGetter: TextMapGetter<MessageHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((v) => v.toString());
    return value.toString();
  },
};

const textSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * The trace context of `from` (the active context by default) as message headers: `traceparent`
 * and `tracestate` with the W3C propagator the service kit registers; nothing when none is.
 */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier, textSetter);
  return carrier;
}

/** The context carried by a message's headers, on top of `base` (the active context by default). */
export function contextFromHeaders(headers: MessageHeaders, base: Context = context.active()): Context {
  return propagation.extract(base, headers, headerGetter);
}
