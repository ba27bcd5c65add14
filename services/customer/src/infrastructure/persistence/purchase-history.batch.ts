import { type OutboxWriter } from '@mercado/messaging';
import { type EntityManager } from 'typeorm';
import { ConcurrencyConflictError } from '../../application/application.errors';
import {
  type CustomerListCriteria,
  type CustomerPage,
  type CustomerRepository,
  type SegmentSummaryRow,
  type VersionedCustomer,
} from '../../application/ports/customer.repository.port';
import { type AccountHolder, type PurchaseRepository } from '../../application/ports/purchase.repository.port';
import { type CustomerTransaction, type CustomerUnitOfWork } from '../../application/ports/unit-of-work.port';
import { Customer, type CustomerSnapshot } from '../../domain/customer/customer.aggregate';
import { Purchase, type PurchaseSnapshot } from '../../domain/purchase/purchase.aggregate';
import { type CustomerMetrics } from '../../domain/rfm/rfm-scoring.service';
import { TypeormCustomerRepository } from './customer.repository';
import { transactionPorts } from './customer.unit-of-work';
import { PurchaseMapper } from './purchase.mapper';
import { TypeormPurchaseRepository } from './purchase.repository';

interface CachedPurchase {
  snapshot: PurchaseSnapshot | null;
  /** The version in the database (0: no row yet). */
  stored: number;
}

/**
 * Purchases of one consumer batch, held in memory: loaded with one query, changed by the use cases
 * one event at a time, written back with one statement per table. Reads that need the database to
 * be up to date (the RFM figures) flush first. Versions are checked in memory as the use cases save,
 * and against the database when flushing.
 */
class BatchPurchaseRepository implements PurchaseRepository {
  private readonly cache = new Map<string, CachedPurchase>();
  private readonly dirty = new Set<string>();

  constructor(private readonly database: TypeormPurchaseRepository) {}

  async preload(orderIds: readonly string[]): Promise<void> {
    const missing = [...new Set(orderIds)].filter((id) => !this.cache.has(id));
    for (const id of missing) this.cache.set(id, { snapshot: null, stored: 0 });
    for (const rows of await this.database.findRows(missing)) {
      this.cache.set(rows.purchase.orderId, { snapshot: PurchaseMapper.toSnapshot(rows), stored: rows.purchase.version });
    }
  }

  /** Account ids of the purchases held (placed ones). */
  accounts(): string[] {
    return [...this.cache.values()].flatMap((entry) => (entry.snapshot?.placement ? [entry.snapshot.placement.customerId] : []));
  }

  async findByOrderId(orderId: string): Promise<Purchase | null> {
    if (!this.cache.has(orderId)) await this.preload([orderId]);
    const snapshot = this.cache.get(orderId)!.snapshot;
    return snapshot ? Purchase.restore(snapshot) : null;
  }

  async save(purchase: Purchase, expectedVersion: number): Promise<void> {
    if (!this.cache.has(purchase.orderId)) await this.preload([purchase.orderId]);
    const entry = this.cache.get(purchase.orderId)!;
    const current = entry.snapshot?.version ?? 0;
    if (current !== expectedVersion) throw new ConcurrencyConflictError(purchase.orderId, expectedVersion, entry.snapshot ? current : null);
    entry.snapshot = { ...purchase.toSnapshot(), version: expectedVersion + 1 };
    this.dirty.add(purchase.orderId);
  }

  async metricsOf(customerUniqueIds: readonly string[]): Promise<CustomerMetrics[]> {
    await this.flush();
    return this.database.metricsOf(customerUniqueIds);
  }

  async metricsOfHolders(holders: readonly AccountHolder[]): Promise<CustomerMetrics[]> {
    await this.flush();
    return this.database.metricsOfHolders(holders);
  }

  async metricsOfAll(): Promise<CustomerMetrics[]> {
    await this.flush();
    return this.database.metricsOfAll();
  }

  /** Writes every purchase changed since the last flush: one row version per flush, checked. */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    const entries = [...this.dirty].map((id) => this.cache.get(id)!);
    await this.database.saveMany(entries.map((entry) => ({ snapshot: entry.snapshot!, expectedVersion: entry.stored })));
    for (const entry of entries) {
      entry.stored += 1;
      entry.snapshot = { ...entry.snapshot!, version: entry.stored };
    }
    this.dirty.clear();
  }
}

/** Customers for a batch: the owners of the batch's accounts are looked up once; the rest goes to the database. */
class BatchCustomerRepository implements CustomerRepository {
  private owners = new Map<string, CustomerSnapshot | null>();

  constructor(private readonly database: TypeormCustomerRepository) {}

  async preloadAccounts(customerIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(customerIds)].filter((id) => !this.owners.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) this.owners.set(id, null);
    for (const customer of await this.database.findByAccountIds(wanted)) {
      const snapshot = customer.toSnapshot();
      for (const account of customer.accounts) if (this.owners.has(account.customerId)) this.owners.set(account.customerId, snapshot);
    }
  }

  async findByAccountIds(customerIds: readonly string[]): Promise<Customer[]> {
    await this.preloadAccounts(customerIds);
    const found = new Map<string, CustomerSnapshot>();
    for (const id of customerIds) {
      const owner = this.owners.get(id);
      if (owner) found.set(owner.customerUniqueId, owner);
    }
    // A fresh aggregate each time: a caller may change what it gets.
    return [...found.values()].map((snapshot) => Customer.restore(snapshot));
  }

  findById(customerUniqueId: string): Promise<Customer | null> {
    return this.database.findById(customerUniqueId);
  }
  findByIds(customerUniqueIds: readonly string[]): Promise<Customer[]> {
    return this.database.findByIds(customerUniqueIds);
  }
  async save(customer: Customer, expectedVersion: number): Promise<void> {
    this.owners.clear();
    await this.database.save(customer, expectedVersion);
  }
  async saveMany(changes: readonly VersionedCustomer[]): Promise<void> {
    this.owners.clear();
    await this.database.saveMany(changes);
  }
  list(criteria: CustomerListCriteria): Promise<CustomerPage> {
    return this.database.list(criteria);
  }
  segmentSummary(): Promise<SegmentSummaryRow[]> {
    return this.database.segmentSummary();
  }
}

/**
 * The unit of work of one consumer batch, inside the consumer's (inbox) transaction: `run` neither
 * begins nor commits. The purchase-history use cases run against preloaded purchases and account
 * owners, so that a batch of thousands of events costs a handful of set-based statements; `flush`
 * writes what they changed.
 */
export class PurchaseHistoryBatch implements CustomerUnitOfWork {
  private readonly purchases: BatchPurchaseRepository;
  private readonly customers: BatchCustomerRepository;
  private readonly ports: CustomerTransaction;

  constructor(manager: EntityManager, writer: OutboxWriter) {
    const database = transactionPorts(manager, writer);
    this.purchases = new BatchPurchaseRepository(new TypeormPurchaseRepository(manager));
    this.customers = new BatchCustomerRepository(new TypeormCustomerRepository(manager));
    this.ports = { ...database, purchases: this.purchases, customers: this.customers };
  }

  /** Loads the purchases of these orders, then the owners of their accounts and of `accountIds`. */
  async preload(orderIds: readonly string[], accountIds: readonly string[]): Promise<void> {
    await this.purchases.preload(orderIds);
    await this.customers.preloadAccounts([...accountIds, ...this.purchases.accounts()]);
  }

  run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T> {
    return work(this.ports);
  }

  flush(): Promise<void> {
    return this.purchases.flush();
  }
}
