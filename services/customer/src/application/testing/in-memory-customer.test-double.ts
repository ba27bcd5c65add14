import { Customer, type CustomerSnapshot } from '../../domain/customer/customer.aggregate';
import { Purchase, type PurchaseSnapshot } from '../../domain/purchase/purchase.aggregate';
import { computeMetrics } from '../../domain/rfm/customer-metrics';
import { type CustomerMetrics } from '../../domain/rfm/rfm-scoring.service';
import { Review, type ReviewSnapshot } from '../../domain/review/review.aggregate';
import { ConcurrencyConflictError } from '../application.errors';
import { type Clock } from '../ports/clock.port';
import {
  type CustomerListCriteria,
  type CustomerPage,
  type CustomerRepository,
  type SegmentSummaryRow,
  type VersionedCustomer,
} from '../ports/customer.repository.port';
import { type CustomerServiceDomainEvent, type EventOutbox } from '../ports/event-outbox.port';
import { type AccountHolder, type PurchaseRepository } from '../ports/purchase.repository.port';
import {
  type ReviewKey,
  type ReviewListCriteria,
  type ReviewPage,
  type ReviewRepository,
} from '../ports/review.repository.port';
import {
  type SegmentationSnapshot,
  type SegmentationSnapshotRepository,
} from '../ports/segmentation-snapshot.repository.port';
import { type CustomerTransaction, type CustomerUnitOfWork } from '../ports/unit-of-work.port';

/*
 * In-memory test doubles of the customer service's ports, for the application layer's UNIT tests
 * only (integration tests run against PostgreSQL). They keep the ports' contracts: snapshots, not
 * live objects; optimistic versions checked at write time against committed rows; transactions that
 * commit all their writes and events or none.
 */

/** Committed rows plus one transaction's own writes (read first). */
class Rows<T> {
  constructor(
    readonly committed: Map<string, T>,
    readonly writes = new Map<string, T>(),
  ) {}
  get(key: string): T | undefined {
    return this.writes.get(key) ?? this.committed.get(key);
  }
  all(): T[] {
    return [...new Map([...this.committed, ...this.writes]).values()];
  }
  commit(): void {
    for (const [key, row] of this.writes) this.committed.set(key, row);
  }
}

const reviewKey = (key: ReviewKey) => `${key.reviewId}\u0000${key.orderId}`;

export class InMemoryCustomerRepository implements CustomerRepository {
  constructor(
    private readonly rows: Rows<CustomerSnapshot>,
    private readonly beforeWrite: (id: string) => void,
  ) {}

  async findById(customerUniqueId: string): Promise<Customer | null> {
    const row = this.rows.get(customerUniqueId);
    return row ? Customer.restore(row) : null;
  }

  async findByIds(customerUniqueIds: readonly string[]): Promise<Customer[]> {
    return [...new Set(customerUniqueIds)].flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [Customer.restore(row)] : [];
    });
  }

  async findByAccountIds(customerIds: readonly string[]): Promise<Customer[]> {
    const wanted = new Set(customerIds);
    return this.rows
      .all()
      .filter((row) => row.accounts.some((account) => wanted.has(account.customerId)))
      .map((row) => Customer.restore(row));
  }

  async save(customer: Customer, expectedVersion: number): Promise<void> {
    this.beforeWrite(customer.customerUniqueId);
    const current = this.rows.get(customer.customerUniqueId);
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new ConcurrencyConflictError(
        customer.customerUniqueId,
        expectedVersion,
        current?.version ?? null,
      );
    }
    this.rows.writes.set(customer.customerUniqueId, {
      ...customer.toSnapshot(),
      version: expectedVersion + 1,
    });
  }

  async saveMany(changes: readonly VersionedCustomer[]): Promise<void> {
    for (const { customer, expectedVersion } of changes) await this.save(customer, expectedVersion);
  }

  async list(criteria: CustomerListCriteria): Promise<CustomerPage> {
    const matching = this.rows
      .all()
      .filter((row) => criteria.segment === undefined || row.rfm?.segment === criteria.segment)
      .filter((row) => criteria.state === undefined || row.location.state === criteria.state)
      .filter((row) => criteria.after === undefined || row.customerUniqueId > criteria.after)
      .sort((a, b) => (a.customerUniqueId < b.customerUniqueId ? -1 : 1));
    const page = matching.slice(0, criteria.limit);
    return {
      customers: page.map((row) => Customer.restore(row)),
      next: matching.length > criteria.limit ? page[page.length - 1]!.customerUniqueId : null,
    };
  }

  async segmentSummary(): Promise<SegmentSummaryRow[]> {
    const rows = new Map<string | null, SegmentSummaryRow>();
    for (const row of this.rows.all()) {
      const segment = row.rfm?.segment ?? null;
      const entry = rows.get(segment) ?? { segment, customers: 0, monetaryCents: 0 };
      entry.customers++;
      entry.monetaryCents += row.rfm?.monetaryCents ?? 0;
      rows.set(segment, entry);
    }
    return [...rows.values()];
  }
}

export class InMemoryPurchaseRepository implements PurchaseRepository {
  constructor(
    private readonly rows: Rows<PurchaseSnapshot>,
    private readonly customers: Rows<CustomerSnapshot>,
    private readonly beforeWrite: (id: string) => void,
  ) {}

  async findByOrderId(orderId: string): Promise<Purchase | null> {
    const row = this.rows.get(orderId);
    return row ? Purchase.restore(row) : null;
  }

  async save(purchase: Purchase, expectedVersion: number): Promise<void> {
    this.beforeWrite(purchase.orderId);
    const current = this.rows.get(purchase.orderId);
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new ConcurrencyConflictError(purchase.orderId, expectedVersion, current?.version ?? null);
    }
    this.rows.writes.set(purchase.orderId, { ...purchase.toSnapshot(), version: expectedVersion + 1 });
  }

  async metricsOf(customerUniqueIds: readonly string[]): Promise<CustomerMetrics[]> {
    const wanted = new Set(customerUniqueIds);
    return this.metrics(this.customers.all().filter((row) => wanted.has(row.customerUniqueId)));
  }

  async metricsOfHolders(holders: readonly AccountHolder[]): Promise<CustomerMetrics[]> {
    return this.metrics(holders);
  }

  async metricsOfAll(): Promise<CustomerMetrics[]> {
    return this.metrics(this.customers.all());
  }

  private metrics(customers: readonly (CustomerSnapshot | AccountHolder)[]): CustomerMetrics[] {
    const purchases = this.rows.all().map((row) => Purchase.restore(row));
    return customers.flatMap((customer) => {
      const accounts = new Set(
        'accounts' in customer ? customer.accounts.map((account) => account.customerId) : customer.customerIds,
      );
      const own = purchases.filter(
        (purchase) => purchase.customerId !== null && accounts.has(purchase.customerId),
      );
      const metrics = computeMetrics(customer.customerUniqueId, own);
      return metrics ? [metrics] : [];
    });
  }
}

export class InMemoryReviewRepository implements ReviewRepository {
  constructor(
    private readonly rows: Rows<ReviewSnapshot>,
    private readonly beforeWrite: (id: string) => void,
  ) {}

  async findByKeys(keys: readonly ReviewKey[]): Promise<Review[]> {
    return keys.flatMap((key) => {
      const row = this.rows.get(reviewKey(key));
      return row ? [Review.restore(row)] : [];
    });
  }

  async insertMany(reviews: readonly Review[]): Promise<void> {
    for (const review of reviews) {
      this.beforeWrite(review.reviewId);
      const key = reviewKey(review);
      if (this.rows.get(key)) throw new ConcurrencyConflictError(key, 0, 1);
      this.rows.writes.set(key, review.toSnapshot());
    }
  }

  async list(criteria: ReviewListCriteria): Promise<ReviewPage> {
    const after = criteria.after ? reviewKey(criteria.after) : undefined;
    const matching = this.rows
      .all()
      .filter((row) => criteria.orderId === undefined || row.orderId === criteria.orderId)
      .filter((row) => criteria.score === undefined || row.score === criteria.score)
      .filter((row) => after === undefined || reviewKey(row) > after)
      .sort((a, b) => (reviewKey(a) < reviewKey(b) ? -1 : 1));
    const page = matching.slice(0, criteria.limit);
    const last = page[page.length - 1];
    return {
      reviews: page.map((row) => Review.restore(row)),
      next:
        matching.length > criteria.limit && last ? { reviewId: last.reviewId, orderId: last.orderId } : null,
    };
  }
}

export class InMemoryCustomerStore implements CustomerUnitOfWork {
  private readonly customerRows = new Map<string, CustomerSnapshot>();
  private readonly purchaseRows = new Map<string, PurchaseSnapshot>();
  private readonly reviewRows = new Map<string, ReviewSnapshot>();
  private snapshot: SegmentationSnapshot | null = null;
  readonly outboxEvents: CustomerServiceDomainEvent[] = [];
  transactionsCommitted = 0;
  /** How many transactions asked for the account-links lock (one writer at a time here anyway). */
  accountLinkLocks = 0;
  /** Called before each write; a test uses it to simulate a concurrent writer. */
  beforeWrite: (id: string) => void = () => {};

  /** Ports outside any transaction, over committed rows (what queries read). */
  get customers(): CustomerRepository {
    return new InMemoryCustomerRepository(new Rows(this.customerRows), () => {});
  }
  get purchases(): PurchaseRepository {
    return new InMemoryPurchaseRepository(new Rows(this.purchaseRows), new Rows(this.customerRows), () => {});
  }
  get reviews(): ReviewRepository {
    return new InMemoryReviewRepository(new Rows(this.reviewRows), () => {});
  }
  get snapshots(): SegmentationSnapshotRepository {
    return {
      current: async () => this.snapshot,
      save: async (snapshot) => {
        this.snapshot = snapshot;
      },
    };
  }

  async run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T> {
    const customers = new Rows(this.customerRows);
    const purchases = new Rows(this.purchaseRows);
    const reviews = new Rows(this.reviewRows);
    let snapshot: SegmentationSnapshot | null | undefined;
    const events: CustomerServiceDomainEvent[] = [];
    const hook = (id: string) => this.beforeWrite(id);
    const outbox: EventOutbox = {
      append: async (appended) => {
        events.push(...appended);
      },
    };
    const result = await work({
      customers: new InMemoryCustomerRepository(customers, hook),
      purchases: new InMemoryPurchaseRepository(purchases, customers, hook),
      reviews: new InMemoryReviewRepository(reviews, hook),
      snapshots: {
        current: async () => (snapshot === undefined ? this.snapshot : snapshot),
        save: async (next) => {
          snapshot = next;
        },
      },
      outbox,
      lockAccountLinks: async () => {
        this.accountLinkLocks++;
      },
    });
    customers.commit();
    purchases.commit();
    reviews.commit();
    if (snapshot !== undefined) this.snapshot = snapshot;
    this.outboxEvents.push(...events);
    this.transactionsCommitted++;
    return result;
  }

  /** Simulates another writer: bumps the stored version of a customer or purchase. */
  touch(id: string): void {
    const customer = this.customerRows.get(id);
    if (customer) this.customerRows.set(id, { ...customer, version: customer.version + 1 });
    const purchase = this.purchaseRows.get(id);
    if (purchase) this.purchaseRows.set(id, { ...purchase, version: purchase.version + 1 });
  }

  /** Commits a review directly, as another writer would. */
  commitReview(review: Review): void {
    this.reviewRows.set(reviewKey(review), review.toSnapshot());
  }
}

export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return this.instant;
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
