import { createDataSource, type DataSource } from '@mercado/postgres';
import { FulfillmentSchema1733600000000 } from './migrations/1733600000000-fulfillment-schema.migration';
import { PendingOrderOrmEntity } from './pending-order.orm-entity';
import { ShipmentOrmEntity } from './shipment.orm-entity';

export const FULFILLMENT_ENTITIES = [ShipmentOrmEntity, PendingOrderOrmEntity];
export const FULFILLMENT_MIGRATIONS = [FulfillmentSchema1733600000000];

/** The typeorm data source of the service's database: its entities and ordered migrations. */
export function createFulfillmentDataSource(url: string): DataSource {
  return createDataSource({
    url,
    entities: FULFILLMENT_ENTITIES,
    migrations: FULFILLMENT_MIGRATIONS,
    applicationName: 'fulfillment-migrations',
    poolSize: 2,
  });
}
