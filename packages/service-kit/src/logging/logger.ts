import pino, { type DestinationStream, type Logger } from 'pino';
import { activeTraceIds } from '../tracing/trace-headers';
import { redactSecrets, redactUrlPasswords } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  serviceName: string;
  level?: string;
  /** Where lines go (default stdout, written synchronously). Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * JSON logs: `{"level":"info","time":"…","service":"sales","traceId":"…","spanId":"…","requestId":"…","msg":"…"}`.
 * Trace and span id come from the active span; secrets (authorization headers, tokens, passwords,
 * URL passwords) are hidden.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      serializers: {
        err: (error: Error) => redactSecrets(pino.stdSerializers.err(error)) as ReturnType<typeof pino.stdSerializers.err>,
      },
      mixin: () => activeTraceIds() ?? {},
      hooks: {
        logMethod(args, method) {
          // Masks URL passwords in the message string (and format arguments).
          const cleaned = args.map((arg) => (typeof arg === 'string' ? redactUrlPasswords(arg) : arg)) as typeof args;
          method.apply(this, cleaned);
        },
      },
    },
    // Synchronous by default: lines stay in order and none is lost when runService exits the process.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
