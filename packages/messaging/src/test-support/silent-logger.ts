import { type MessagingLogger } from '../application/ports/messaging-logger.port';

/** Keeps log entries in memory (tests look at them instead of printing them). */
export class MemoryLogger implements MessagingLogger {
  readonly entries: { level: string; message: string | undefined; details: object }[] = [];
  debug(details: object, message?: string): void {
    this.entries.push({ level: 'debug', message, details });
  }
  info(details: object, message?: string): void {
    this.entries.push({ level: 'info', message, details });
  }
  warn(details: object, message?: string): void {
    this.entries.push({ level: 'warn', message, details });
  }
  error(details: object, message?: string): void {
    this.entries.push({ level: 'error', message, details });
  }
  messages(level?: string): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message ?? '');
  }
}
