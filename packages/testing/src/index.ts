export * from './infrastructure';
export * from './names';
export * from './test-database';
export * from './test-topics';
export * from './olist-real-dir';
export * from './topic-tap';
export * from './bench-service';

import { DEFAULT_DATABASE_URL, type TestInfrastructure } from './infrastructure';

/** The infrastructure resolved by the global setup (read from the environment it exported). */
export function testInfrastructure(): TestInfrastructure {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: run integration tests with `pnpm test:int` (jest globalSetup of @mercado/testing)');
  }
  return {
    kafkaBrokers: brokers.split(','),
    databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    source: (process.env.MERCADO_TEST_INFRASTRUCTURE as TestInfrastructure['source']) ?? 'environment',
  };
}
export * from './csv-records';
