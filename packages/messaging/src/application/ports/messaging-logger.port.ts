/** The logging the messaging layer needs; a pino logger fits as it is. */
export interface MessagingLogger {
  debug(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/**
 * Used when no logger is given: warnings and errors go to stderr as JSON lines (an outage must never
 * be silent), the rest is dropped.
 */
export const stderrMessagingLogger: MessagingLogger = Object.freeze({
  debug: () => undefined,
  info: () => undefined,
  warn: (details: object, message?: string) => writeLine('warn', details, message),
  error: (details: object, message?: string) => writeLine('error', details, message),
});

function writeLine(level: string, details: object, message: string | undefined): void {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), name: '@mercado/messaging', msg: message, ...details })}\n`);
}
