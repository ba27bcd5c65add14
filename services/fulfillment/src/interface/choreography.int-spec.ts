// Choreography across two running services, as real processes: an order placed and approved in
// sales (over its HTTP API) reaches fulfillment through sales.order.v1, which opens the shipment and
// publishes fulfillment.shipment.created; the dispatch recorded in fulfillment reaches sales through
// fulfillment.shipment.v1, which marks the order shipped. Each service has its own database; the
// topics are this run's own (KAFKA_TOPIC_OVERRIDES).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TOPICS } from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  eventually,
  testInfrastructure,
  TopicTap,
  uniqueName,
  type TestDatabase,
  type TestTopics,
} from '@mercado/testing';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const SERVICES = {
  sales: path.join(REPO, 'services', 'sales'),
  fulfillment: path.join(REPO, 'services', 'fulfillment'),
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface RunningProcess {
  baseUrl: string;
  child: ChildProcess;
  output: string[];
}

async function startProcess(dir: string, env: Record<string, string>): Promise<RunningProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(dir, 'dist', 'main.js')], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    `${path.basename(dir)} ready`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${path.basename(dir)} exited ${child.exitCode}: ${output.join('')}`);
      return fetch(`${baseUrl}/health/ready`).then((r) => r.status, () => 0);
    },
    (status) => status === 200,
    90_000,
  );
  return { baseUrl, child, output };
}

async function stopProcess(running: RunningProcess | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null) return;
  running.child.kill('SIGTERM');
  await new Promise((resolve) => running.child.once('exit', resolve));
}

describe('choreography: sales and fulfillment as running processes', () => {
  const ORDER = uniqueName('o').replace(/_/g, '').slice(0, 32);
  const infrastructure = () => testInfrastructure();
  let databases: TestDatabase[] = [];
  let topics: TestTopics;
  let sales: RunningProcess | undefined;
  let fulfillment: RunningProcess | undefined;
  let shipmentsTap: TopicTap | undefined;

  beforeAll(async () => {
    // Both services run from their built output: build them as CI would before starting them.
    const tsc = require.resolve('typescript/bin/tsc', { paths: [SERVICES.fulfillment] });
    for (const dir of Object.values(SERVICES)) {
      execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.build.json')], { cwd: dir, stdio: 'inherit' });
    }
    const { kafkaBrokers, databaseUrl } = infrastructure();
    databases = [await createTestDatabase(databaseUrl, 'chor_sales'), await createTestDatabase(databaseUrl, 'chor_fulfillment')];
    topics = await createTestTopics(kafkaBrokers, [TOPICS.salesOrder.name, TOPICS.salesPayment.name, TOPICS.fulfillmentShipment.name], 3);
    const overrides = Object.entries(topics.names)
      .map(([catalog, actual]) => `${catalog}=${actual}`)
      .join(',');
    const common = { KAFKA_BROKERS: kafkaBrokers.join(','), KAFKA_TOPIC_OVERRIDES: overrides };
    // One after the other: each service provisions (and grows) the catalog's topics at start, and two
    // concurrent partition increases of one topic race inside the broker.
    sales = await startProcess(SERVICES.sales, { ...common, DATABASE_URL: databases[0]!.url });
    fulfillment = await startProcess(SERVICES.fulfillment, {
      ...common,
      DATABASE_URL: databases[1]!.url,
      KAFKA_CONSUMER_GROUP: uniqueName('chor_fulfillment'),
    });
    shipmentsTap = await TopicTap.start(kafkaBrokers, topics.names[TOPICS.fulfillmentShipment.name]!);
  }, 300_000);

  afterAll(async () => {
    await shipmentsTap?.stop();
    await Promise.all([stopProcess(sales), stopProcess(fulfillment)]);
    for (const database of databases) await database.drop();
    if (topics) {
      const names = Object.values(topics.names);
      await deleteTopics(infrastructure().kafkaBrokers, [...names, ...names.map((name) => `${name}.dlq`)]);
    }
  });

  it('an approval in sales opens the shipment in fulfillment, and its dispatch ships the order in sales', async () => {
    const token = await mintToken({ scopes: 'orders:read orders:write shipments:read shipments:write' });
    const call = async (base: string, method: string, route: string, body?: unknown) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const placed = await call(sales!.baseUrl, 'POST', '/orders', {
      orderId: ORDER,
      customerId: 'c0ffee0000000000000000000000c0de',
      purchasedAt: '2018-06-12T09:51:55-03:00',
      lines: [
        {
          lineNumber: 1,
          productId: '20566af10fda4783935b8cef249fa4c3',
          sellerId: 'd921b68bf747894be13a97ae52b0f386',
          shippingLimitAt: '2018-06-14T10:21:14-03:00',
          price: '118.90',
          freight: '18.93',
        },
      ],
    });
    expect(placed.status).toBe(201);
    const approved = await call(sales!.baseUrl, 'POST', `/orders/${ORDER}/approve`, { at: '2018-06-12T10:21:14-03:00' });
    expect(approved.status).toBe(200);

    const shipment = await eventually(
      'the shipment in fulfillment',
      () => call(fulfillment!.baseUrl, 'GET', `/shipments/${ORDER}`),
      (answer) => answer.status === 200,
      60_000,
    );
    expect(shipment.body).toMatchObject({
      order_id: ORDER,
      customer_id: 'c0ffee0000000000000000000000c0de',
      status: 'awaiting_dispatch',
      approved_at: '2018-06-12T10:21:14-03:00',
      seller_shipping_limits: [{ seller_id: 'd921b68bf747894be13a97ae52b0f386', shipping_limit_at: '2018-06-14T10:21:14-03:00' }],
    });
    const created = await shipmentsTap!.waitFor(
      'fulfillment.shipment.created',
      (tap) => tap.envelopes('fulfillment.shipment.created').filter((e) => e.subject === ORDER),
      (found) => found.length === 1,
      60_000,
    );
    expect(created[0]).toMatchObject({
      source: '/mercado/fulfillment',
      data: { order_id: ORDER, customer_id: 'c0ffee0000000000000000000000c0de', estimated_delivery_date: '2018-07-10' },
    });
    expect(created[0]!.causationid).toEqual(expect.any(String));

    const dispatched = await call(fulfillment!.baseUrl, 'POST', `/shipments/${ORDER}/dispatch`, { dispatched_at: '2018-06-13T14:00:00-03:00' });
    expect(dispatched.status).toBe(200);
    const order = await eventually(
      'the order shipped in sales',
      () => call(sales!.baseUrl, 'GET', `/orders/${ORDER}`),
      (answer) => answer.body.status === 'shipped',
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nsales said:\n${sales!.output.join('').slice(-3000)}`);
    });
    expect(order.body).toMatchObject({ orderId: ORDER, status: 'shipped' });
  });
});
