import 'reflect-metadata';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

export { DataSource } from 'typeorm';

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName?: string;
  poolSize?: number;
}

/** A typeorm DataSource for a service's own database; schema changes only through migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    extra: { connectionTimeoutMillis: 5_000 },
  });
}

/** Initialises the data source and applies pending migrations; returns the names applied. */
export async function initialiseAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
