import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../logging/logger';
import { HealthRegistry } from '../health/health';
import { startHttpServer } from './http-server';
import { runService, type ProcessLike } from './run-service';
import { stoppable, type Stoppable } from './stoppable';

class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  private resolveExit!: (code: number) => void;
  readonly exited = new Promise<number>((resolve) => (this.resolveExit = resolve));
  exit(code: number): void {
    this.exits.push(code);
    this.resolveExit(code);
  }
}

function setup() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { proc: new FakeProcess(), lines, logger: createLogger({ serviceName: 'x', level: 'debug', destination }) };
}

describe('runService', () => {
  it('stops the stoppables in reverse start order on SIGINT, marks health and exits 0', async () => {
    const { proc, logger, lines } = setup();
    const order: string[] = [];
    const health = new HealthRegistry();
    await runService({
      name: 'svc',
      logger,
      health,
      process: proc as unknown as ProcessLike,
      start: async () => ['pool', 'relay', 'consumer', 'http'].map((name) => stoppable(name, () => order.push(name))),
    });
    proc.emit('SIGINT');
    proc.emit('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(order).toEqual(['http', 'consumer', 'relay', 'pool']);
    expect(health.isShuttingDown).toBe(true);
    expect(proc.exits).toEqual([0]);
    expect(lines.map((line) => line.msg)).toContain('shutdown already in progress');
  });

  it('keeps stopping after a stoppable fails, then exits 1', async () => {
    const { proc, logger, lines } = setup();
    const order: string[] = [];
    const failing: Stoppable = {
      stop: async () => {
        throw new Error('pool end failed');
      },
    };
    await runService({ name: 'svc', logger, process: proc as unknown as ProcessLike, start: async () => [stoppable('a', () => order.push('a')), failing] });
    proc.emit('SIGTERM');
    expect(await proc.exited).toBe(1);
    expect(order).toEqual(['a']);
    expect(lines.find((line) => line.msg === 'failed to stop cleanly')).toMatchObject({ component: 'stoppable #2', err: { message: 'pool end failed' } });
  });

  it('exits 1 when the start fails', async () => {
    const { proc, logger, lines } = setup();
    await runService({
      name: 'svc',
      logger,
      process: proc as unknown as ProcessLike,
      start: async () => {
        throw new Error('database unreachable');
      },
    });
    expect(await proc.exited).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: 'fatal', msg: 'svc failed to start', err: { message: 'database unreachable' } });
  });

  it('a signal during start-up stops what the start returns', async () => {
    const { proc, logger } = setup();
    const stopped: string[] = [];
    let finishStart!: () => void;
    const running = runService({
      name: 'svc',
      logger,
      process: proc as unknown as ProcessLike,
      start: () => new Promise<Stoppable[]>((resolve) => (finishStart = () => resolve([stoppable('late', () => stopped.push('late'))]))),
    });
    await new Promise((resolve) => setImmediate(resolve));
    proc.emit('SIGTERM');
    finishStart();
    await running;
    expect(await proc.exited).toBe(0);
    expect(stopped).toEqual(['late']);
  });
});

describe('startHttpServer', () => {
  it('answers a request pipelined after the stop with 503 and closes the connection', async () => {
    let releaseFirst!: () => void;
    const server = await startHttpServer(
      (req, res) => {
        if (req.url === '/first') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.flushHeaders();
          releaseFirst = () => res.end('first done');
        } else res.end('second');
      },
      { port: 0, host: '127.0.0.1' },
    );
    const socket = net.connect(server.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.inFlight).toBe(1);
    const stopping = server.stop();
    socket.write('GET /second HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseFirst();
    await closed;
    await stopping;
    expect(received).toContain('first done');
    expect(received).toContain('HTTP/1.1 503 Service Unavailable');
    expect(received).toContain('"detail":"the service is shutting down"');
    expect(received).not.toContain('second\r\n');
    expect(server.inFlight).toBe(0);
  });

  it('rejects when the port is taken', async () => {
    const first = await startHttpServer((_req, res) => res.end(), { port: 0, host: '127.0.0.1' });
    await expect(startHttpServer((_req, res) => res.end(), { port: first.port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.stop();
    await first.stop();
  });
});
