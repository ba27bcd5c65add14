import { createDataSource, type DataSource } from '@mercado/postgres';
import { SalesSchema1764460000000 } from './migrations/1764460000000-sales-schema.migration';
import { OutboxJson1765170000000 } from './migrations/1765170000000-outbox-json.migration';
import { OrderLineOrmEntity } from './order-line.orm-entity';
import { OrderStatusChangeOrmEntity } from './order-status-change.orm-entity';
import { OrderOrmEntity } from './order.orm-entity';
import { PaymentOrmEntity } from './payment.orm-entity';

export const SALES_ENTITIES = [OrderOrmEntity, OrderLineOrmEntity, PaymentOrmEntity, OrderStatusChangeOrmEntity];
export const SALES_MIGRATIONS = [SalesSchema1764460000000, OutboxJson1765170000000];

/** The sales database through typeorm: its entities and its ordered migrations. */
export function createSalesDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return createDataSource({
    url,
    entities: SALES_ENTITIES,
    migrations: SALES_MIGRATIONS,
    applicationName: options.applicationName ?? 'sales',
    poolSize: options.poolSize,
  });
}
