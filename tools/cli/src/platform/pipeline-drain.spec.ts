import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { messagingBacklog, waitForPipelineDrain } from './pipeline-drain';

describe('messagingBacklog', () => {
  it('sums outbox backlog and consumer lag series, ignoring comments and other metrics', () => {
    const text = [
      '# HELP messaging_outbox_backlog rows waiting',
      '# TYPE messaging_outbox_backlog gauge',
      'messaging_outbox_backlog{service="sales"} 12',
      'messaging_consumer_lag{consumer="warehouse",topic="sales.order.v1",partition="0"} 3',
      'messaging_consumer_lag{consumer="warehouse",topic="sales.order.v1",partition="1"} 4',
      'http_requests_total{route="/x"} 99',
    ].join('\n');
    expect(messagingBacklog(text)).toEqual({ outbox: 12, consumerLag: 7, series: 3 });
  });
});

describe('waitForPipelineDrain', () => {
  it('waits until every service is quiet on consecutive looks, and times out otherwise', async () => {
    let backlog = 5;
    const server = http.createServer((_req, res) => {
      res.end(`messaging_outbox_backlog ${backlog}\nmessaging_consumer_lag{p="0"} 0\n`);
      backlog = Math.max(0, backlog - 2);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const looks: number[] = [];
      await waitForPipelineDrain({
        serviceUrls: [url],
        timeoutMs: 5_000,
        intervalMs: 10,
        quietLooks: 2,
        onLook: (l) => looks.push(l.outbox),
      });
      expect(looks).toEqual([5, 3, 1, 0, 0]);
      backlog = 1_000_000;
      await expect(
        waitForPipelineDrain({ serviceUrls: [url], timeoutMs: 100, intervalMs: 10 }),
      ).rejects.toThrow('did not catch up within 0.1 s');
    } finally {
      server.close();
    }
  });

  it('stays busy while the broker says a consumer group has not committed everything, though the gauges read 0', async () => {
    const server = http.createServer((_req, res) => res.end('messaging_outbox_backlog 0\nmessaging_consumer_lag{p="0"} 0\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const uncommitted = [40, 12, 0, 0];
      const asked: number[] = [];
      await waitForPipelineDrain({
        serviceUrls: [url],
        timeoutMs: 5_000,
        intervalMs: 10,
        quietLooks: 2,
        committedLag: async () => {
          const lag = uncommitted.shift() ?? 0;
          asked.push(lag);
          return lag;
        },
      });
      expect(asked).toEqual([40, 12, 0, 0]);
    } finally {
      server.close();
    }
  });
});
