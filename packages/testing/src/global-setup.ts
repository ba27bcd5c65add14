import { resolveTestInfrastructure } from './infrastructure';

/**
 * jest globalSetup for integration tests: resolves the infrastructure once per run and exports it as
 * KAFKA_BROKERS and DATABASE_URL, which every test file then reads through testInfrastructure().
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await resolveTestInfrastructure();
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.MERCADO_TEST_INFRASTRUCTURE = infrastructure.source;
}
