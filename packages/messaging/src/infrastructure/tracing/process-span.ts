import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { type InboundMessage } from '../../domain/message';
import { contextFromHeaders } from './trace-headers';

const MAX_LINKS = 128;

/**
 * Runs `work` in a `process <topic>` span (kind CONSUMER), child of the trace context carried by the
 * batch's first message and linked to those of the others (up to 128), so the handler's database
 * spans continue the trace of the request that produced the event.
 */
export async function withProcessSpan<T>(
  topic: string,
  consumer: string,
  messages: readonly InboundMessage[],
  work: () => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer('@mercado/messaging');
  const parent = messages[0] ? contextFromHeaders(messages[0].headers, context.active()) : context.active();
  const links: Link[] = [];
  for (const message of messages.slice(1, MAX_LINKS + 1)) {
    const linked = trace.getSpanContext(contextFromHeaders(message.headers, ROOT_CONTEXT));
    if (linked) links.push({ context: linked });
  }
  const span = tracer.startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': consumer,
        'messaging.batch.message_count': messages.length,
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
