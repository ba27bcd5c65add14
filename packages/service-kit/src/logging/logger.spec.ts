import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../tracing/tracing';
import { createLogger } from './logger';
import { redactSecrets, redactUrlPasswords } from './redaction';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes JSON lines with level, time, service and message', () => {
    const out = capture();
    createLogger({ serviceName: 'sales', destination: out.stream }).info({ orderId: 'o1' }, 'order placed');
    const [line] = out.lines();
    expect(line).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'sales', orderId: 'o1', msg: 'order placed' });
  });

  it('respects the level', () => {
    const out = capture();
    const logger = createLogger({ serviceName: 's', level: 'warn', destination: out.stream });
    logger.info('hidden');
    logger.warn('shown');
    expect(out.lines().map((l) => l.msg)).toEqual(['shown']);
  });

  it('hides authorization headers, tokens, passwords and DATABASE_URL passwords', () => {
    const out = capture();
    const logger = createLogger({ serviceName: 's', destination: out.stream });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJabc', cookie: 'sid=1', accept: 'application/json' } },
        token: 'eyJdef',
        config: { DATABASE_URL: 'postgres://sales:hunter2@db:5432/sales', password: 'pw', nested: { access_token: 't' } },
      },
      'connecting to postgres://sales:hunter2@db:5432/sales',
    );
    logger.error({ err: new Error('connect failed for postgres://u:topsecret@h/db') }, 'failed');
    const text = JSON.stringify(out.lines());
    for (const secret of ['eyJabc', 'eyJdef', 'hunter2', 'sid=1', '"pw"', 'topsecret', '"t"']) expect(text).not.toContain(secret);
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      req: { headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', accept: 'application/json' } },
      token: '[REDACTED]',
      config: { DATABASE_URL: 'postgres://sales:***@db:5432/sales', password: '[REDACTED]', nested: { access_token: '[REDACTED]' } },
      msg: 'connecting to postgres://sales:***@db:5432/sales',
    });
    expect(second).toMatchObject({ err: { type: 'Error', message: 'connect failed for postgres://u:***@h/db', stack: expect.stringContaining('***') } });
  });

  it('adds the active trace and span ids', async () => {
    const tracing = startTracing({ serviceName: 's', spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
    try {
      const out = capture();
      const logger = createLogger({ serviceName: 's', destination: out.stream });
      const span = trace.getTracer('test').startActiveSpan('work', (active) => {
        logger.info('inside');
        active.end();
        return active;
      });
      logger.info('outside');
      const [inside, outside] = out.lines();
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(inside).toMatchObject({ traceId: span.spanContext().traceId, spanId: span.spanContext().spanId, msg: 'inside' });
      expect(outside).not.toHaveProperty('traceId');
    } finally {
      await tracing.stop();
    }
  });
});

describe('redaction', () => {
  it('masks URL passwords only', () => {
    expect(redactUrlPasswords('postgres://postgres@127.0.0.1:5432/sales')).toBe('postgres://postgres@127.0.0.1:5432/sales');
    expect(redactUrlPasswords('a postgresql://u:p%40ss@h/db and amqp://x:y@z')).toBe('a postgresql://u:***@h/db and amqp://x:***@z');
  });

  it('walks arrays and objects to a bounded depth and leaves other values alone', () => {
    expect(redactSecrets([{ password: 'x' }, 'redis://a:b@c', 3, null])).toEqual([{ password: '[REDACTED]' }, 'redis://a:***@c', 3, null]);
    expect(redactSecrets({ password: null, token: undefined })).toEqual({ password: null, token: undefined });
    const buffer = Buffer.from('x');
    expect(redactSecrets({ buffer })).toEqual({ buffer });
    let deep: Record<string, unknown> = { password: 'deep' };
    for (let i = 0; i < 8; i++) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep))).toContain('deep');
  });
});
