import { databaseCheck, flagCheck, HealthRegistry, kafkaCheck } from './health';

describe('health', () => {
  it('is ready with no checks', async () => {
    expect(await new HealthRegistry().readiness()).toEqual({ status: 'ready', checks: {} });
  });

  it('reports each check, failing when one fails or times out', async () => {
    const migrations = flagCheck('migrations', 'migrations are still running');
    const registry = new HealthRegistry().register(
      databaseCheck({ query: async (sql) => expect(sql).toBe('SELECT 1') }),
      kafkaCheck(() => new Promise(() => undefined)),
      migrations,
    );
    const slow = registry.register({ name: 'slow', check: () => new Promise((resolve) => setTimeout(resolve, 500)), timeoutMs: 20 });
    const report = await slow.readiness();
    expect(report).toEqual({
      status: 'not-ready',
      checks: {
        database: { status: 'up', durationMs: expect.any(Number) },
        kafka: { status: 'down', durationMs: expect.any(Number), error: 'no answer within 2000 ms' },
        migrations: { status: 'down', durationMs: expect.any(Number), error: 'migrations are still running' },
        slow: { status: 'down', durationMs: expect.any(Number), error: 'no answer within 20 ms' },
      },
    });
  }, 5000);

  it('becomes ready once the flag is set, and unready while shutting down', async () => {
    const migrations = flagCheck('migrations');
    const registry = new HealthRegistry().register(migrations);
    expect((await registry.readiness()).checks.migrations!.error).toBe('migrations not done');
    migrations.set(true);
    expect((await registry.readiness()).status).toBe('ready');
    registry.markShuttingDown();
    expect(registry.isShuttingDown).toBe(true);
    expect(await registry.readiness()).toEqual({
      status: 'not-ready',
      checks: {
        migrations: { status: 'up', durationMs: expect.any(Number) },
        shutdown: { status: 'down', durationMs: 0, error: 'the service is shutting down' },
      },
    });
  });

  it('hides URL passwords in errors, names thrown non-errors, and refuses duplicate names', async () => {
    const registry = new HealthRegistry().register(
      {
        name: 'database',
        check: async () => {
          throw new Error('cannot reach postgres://sales:pw@db/sales');
        },
      },
      {
        name: 'weird',
        check: async () => {
          throw '';
        },
      },
    );
    const { checks } = await registry.readiness();
    expect(checks.database!.error).toBe('cannot reach postgres://sales:***@db/sales');
    expect(checks.weird!.error).toBe('check failed');
    expect(() => registry.register({ name: 'database', check: async () => 1 })).toThrow('health check "database" is registered twice');
  });
});
