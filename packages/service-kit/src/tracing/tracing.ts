import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  serviceName: string;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Span processors to use instead of the exporter named by the OTEL_* variables (tests pass an
   * in-memory exporter here). Giving them turns tracing on regardless of the environment.
   */
  spanProcessors?: SpanProcessor[];
  /** Health, metrics and OpenAPI requests make no spans (default true). */
  ignoreOperationalEndpoints?: boolean;
}

export interface Tracing {
  /** Whether an SDK was started (false when tracing is off). */
  readonly enabled: boolean;
  /** Why tracing is on or off, for the start-up log line. */
  readonly reason: string;
  /** Flushes and stops the SDK; a no-op when tracing is off. */
  stop(): Promise<void>;
}

const OPERATIONAL_PATHS = ['/health/', '/metrics', '/openapi.json'];

/**
 * Decides whether tracing runs. It is off unless an exporter is configured, so that tests and a bare
 * `node dist/main.js` do not try to send spans to an absent collector.
 */
export function tracingDecision(env: NodeJS.ProcessEnv, explicitProcessors: boolean): { enabled: boolean; reason: string } {
  if (explicitProcessors) return { enabled: true, reason: 'span processors given' };
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  if (env.NODE_ENV === 'test' || env.JEST_WORKER_ID !== undefined) {
    if (exporters.length === 0) return { enabled: false, reason: 'tests run without an exporter' };
  }
  if (exporters.length > 0) return { enabled: true, reason: `OTEL_TRACES_EXPORTER=${exporters.join(',')}` };
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return { enabled: true, reason: 'OTLP endpoint configured' };
  }
  return { enabled: false, reason: 'no exporter configured (set OTEL_TRACES_EXPORTER or OTEL_EXPORTER_OTLP_ENDPOINT)' };
}

/**
 * Starts the OpenTelemetry Node SDK with W3C trace-context propagation and the http, express and pg
 * instrumentations. Call it before express, http or pg are loaded (first thing in main.ts), so the
 * instrumentations can patch them. Metrics stay with prom-client and logs with pino: the SDK exports
 * traces only.
 */
export function startTracing(options: TracingOptions): Tracing {
  const env = options.env ?? process.env;
  const decision = tracingDecision(env, options.spanProcessors !== undefined);
  // Propagation works even without an SDK, so message headers keep carrying any incoming context.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (!decision.enabled) return { enabled: false, reason: decision.reason, stop: async () => undefined };

  const ignoreOperational = options.ignoreOperationalEndpoints !== false;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    metricReaders: [],
    logRecordProcessors: [],
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors as never } : {}),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          ignoreOperational && OPERATIONAL_PATHS.some((path) => (request.url ?? '').startsWith(path)),
      }),
      new ExpressInstrumentation(),
      // Queries outside a request or batch (readiness pings) would each start a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    reason: decision.reason,
    stop: () => (stopped ??= sdk.shutdown()),
  };
}
