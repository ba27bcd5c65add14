import { createDataSource, type DataSource } from '@mercado/postgres';
import { CustomerAccountOrmEntity } from './customer-account.orm-entity';
import { CustomerOrmEntity } from './customer.orm-entity';
import { CustomerSchema1764470000000 } from './migrations/1764470000000-customer-schema.migration';
import { PurchasePaymentOrmEntity } from './purchase-payment.orm-entity';
import { PurchaseOrmEntity } from './purchase.orm-entity';
import { ReviewOrmEntity } from './review.orm-entity';
import { SegmentationSnapshotOrmEntity } from './segmentation-snapshot.orm-entity';

export const CUSTOMER_ENTITIES = [
  CustomerOrmEntity,
  CustomerAccountOrmEntity,
  PurchaseOrmEntity,
  PurchasePaymentOrmEntity,
  ReviewOrmEntity,
  SegmentationSnapshotOrmEntity,
];
export const CUSTOMER_MIGRATIONS = [CustomerSchema1764470000000];

/** The customer database through typeorm: its entities and its ordered migrations. */
export function createCustomerDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return createDataSource({
    url,
    entities: CUSTOMER_ENTITIES,
    migrations: CUSTOMER_MIGRATIONS,
    applicationName: options.applicationName ?? 'customer',
    poolSize: options.poolSize,
  });
}
