import { type EntityManager, In } from 'typeorm';
import { ConcurrencyConflictError } from '../../application/application.errors';
import {
  type CustomerListCriteria,
  type CustomerPage,
  type CustomerRepository,
  type SegmentSummaryRow,
  type VersionedCustomer,
} from '../../application/ports/customer.repository.port';
import { type Customer } from '../../domain/customer/customer.aggregate';
import { type Segment } from '../../domain/rfm/segment';
import { CustomerAccountOrmEntity } from './customer-account.orm-entity';
import { CustomerMapper, type CustomerRows } from './customer.mapper';
import { CustomerOrmEntity } from './customer.orm-entity';

const CUSTOMER_COLUMNS = `$1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::int[], $8::int[],
  $9::bigint[], $10::smallint[], $11::smallint[], $12::smallint[], $13::text[], $14::int[]`;
const CUSTOMER_ALIAS = `c (customer_unique_id, zip_prefix, city, state, registered_at, rfm_as_of, recency_days, frequency,
  monetary_cents, recency_score, frequency_score, monetary_score, segment, version)`;

const INSERT_CUSTOMERS_SQL = `
INSERT INTO customer (customer_unique_id, zip_prefix, city, state, registered_at, rfm_as_of, recency_days, frequency,
  monetary_cents, recency_score, frequency_score, monetary_score, segment, version)
SELECT * FROM UNNEST(${CUSTOMER_COLUMNS}) AS ${CUSTOMER_ALIAS}
ON CONFLICT (customer_unique_id) DO NOTHING
RETURNING customer_unique_id`;

// `version` carries the new version; the row must still be at the one before.
const UPDATE_CUSTOMERS_SQL = `
UPDATE customer SET zip_prefix = c.zip_prefix, city = c.city, state = c.state, rfm_as_of = c.rfm_as_of,
  recency_days = c.recency_days, frequency = c.frequency, monetary_cents = c.monetary_cents,
  recency_score = c.recency_score, frequency_score = c.frequency_score, monetary_score = c.monetary_score,
  segment = c.segment, version = c.version
FROM UNNEST(${CUSTOMER_COLUMNS}) AS ${CUSTOMER_ALIAS}
WHERE customer.customer_unique_id = c.customer_unique_id AND customer.version = c.version - 1
RETURNING customer.customer_unique_id`;

// An account never changes hands (the domain refuses it): the guard keeps a bug from moving one.
const UPSERT_ACCOUNTS_SQL = `
INSERT INTO customer_account (customer_id, customer_unique_id, position, zip_prefix, city, state)
SELECT * FROM UNNEST($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
ON CONFLICT (customer_id) DO UPDATE SET position = EXCLUDED.position, zip_prefix = EXCLUDED.zip_prefix,
  city = EXCLUDED.city, state = EXCLUDED.state
WHERE customer_account.customer_unique_id = EXCLUDED.customer_unique_id
RETURNING customer_id`;

const accountKey = (a: CustomerAccountOrmEntity) => `${a.customerId}|${a.position}|${a.zipPrefix}|${a.city}|${a.state}`;

/**
 * Customers in PostgreSQL, inside the unit of work's transaction. Reads through typeorm; writes
 * set-based (UNNEST arrays), the version checked on every row. The accounts a transaction loaded are
 * remembered, so that saving a customer rewrites only the accounts that changed.
 */
export class TypeormCustomerRepository implements CustomerRepository {
  private readonly loadedAccounts = new Set<string>();

  constructor(private readonly manager: EntityManager) {}

  async findById(customerUniqueId: string): Promise<Customer | null> {
    const [customer] = await this.findByIds([customerUniqueId]);
    return customer ?? null;
  }

  async findByIds(customerUniqueIds: readonly string[]): Promise<Customer[]> {
    if (customerUniqueIds.length === 0) return [];
    const rows = await this.manager.find(CustomerOrmEntity, { where: { customerUniqueId: In([...new Set(customerUniqueIds)]) } });
    return this.withAccounts(rows);
  }

  async findByAccountIds(customerIds: readonly string[]): Promise<Customer[]> {
    if (customerIds.length === 0) return [];
    const owners: { customer_unique_id: string }[] = await this.manager.query(
      'SELECT DISTINCT customer_unique_id FROM customer_account WHERE customer_id = ANY($1::text[])',
      [[...new Set(customerIds)]],
    );
    return this.findByIds(owners.map((owner) => owner.customer_unique_id));
  }

  async save(customer: Customer, expectedVersion: number): Promise<void> {
    await this.saveMany([{ customer, expectedVersion }]);
  }

  async saveMany(changes: readonly VersionedCustomer[]): Promise<void> {
    if (changes.length === 0) return;
    const fresh = changes.filter((change) => change.expectedVersion === 0);
    const known = changes.filter((change) => change.expectedVersion > 0);
    const rowsOf = (list: readonly VersionedCustomer[]) => list.map((c) => CustomerMapper.toRows(c.customer, c.expectedVersion + 1));
    const freshRows = rowsOf(fresh);
    const knownRows = rowsOf(known);
    if (freshRows.length > 0) {
      const inserted: { customer_unique_id: string }[] = await this.manager.query(INSERT_CUSTOMERS_SQL, customerColumns(freshRows));
      await this.expectAll(freshRows, inserted, 0);
    }
    if (knownRows.length > 0) {
      const updated = (await this.manager.query(UPDATE_CUSTOMERS_SQL, customerColumns(knownRows))) as [{ customer_unique_id: string }[], number];
      await this.expectAll(knownRows, updated[0], null);
    }
    const accounts = [...freshRows, ...knownRows].flatMap((rows) => rows.accounts).filter((account) => !this.loadedAccounts.has(accountKey(account)));
    if (accounts.length > 0) {
      const written: { customer_id: string }[] = await this.manager.query(UPSERT_ACCOUNTS_SQL, [
        accounts.map((a) => a.customerId),
        accounts.map((a) => a.customerUniqueId),
        accounts.map((a) => a.position),
        accounts.map((a) => a.zipPrefix),
        accounts.map((a) => a.city),
        accounts.map((a) => a.state),
      ]);
      if (written.length !== accounts.length) {
        const taken = accounts.find((account) => !written.some((row) => row.customer_id === account.customerId))!;
        throw new ConcurrencyConflictError(`account ${taken.customerId}`, 0, null);
      }
      for (const account of accounts) this.loadedAccounts.add(accountKey(account));
    }
  }

  async list(criteria: CustomerListCriteria): Promise<CustomerPage> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const bind = (value: unknown): string => `$${values.push(value)}`;
    if (criteria.segment !== undefined) conditions.push(`segment = ${bind(criteria.segment)}`);
    if (criteria.state !== undefined) conditions.push(`state = ${bind(criteria.state)}`);
    if (criteria.after !== undefined) conditions.push(`customer_unique_id > ${bind(criteria.after)}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const page: { customer_unique_id: string }[] = await this.manager.query(
      `SELECT customer_unique_id FROM customer ${where} ORDER BY customer_unique_id LIMIT ${bind(criteria.limit + 1)}`,
      values,
    );
    const ids = page.slice(0, criteria.limit).map((row) => row.customer_unique_id);
    const byId = new Map((await this.findByIds(ids)).map((customer) => [customer.customerUniqueId, customer]));
    return { customers: ids.map((id) => byId.get(id)!), next: page.length > criteria.limit ? ids.at(-1)! : null };
  }

  async segmentSummary(): Promise<SegmentSummaryRow[]> {
    const rows: { segment: string | null; customers: number; monetary_cents: string }[] = await this.manager.query(
      'SELECT segment, count(*)::int AS customers, COALESCE(sum(monetary_cents), 0)::text AS monetary_cents FROM customer GROUP BY segment',
    );
    return rows.map((row) => ({ segment: row.segment as Segment | null, customers: row.customers, monetaryCents: Number(row.monetary_cents) }));
  }

  private async withAccounts(customers: CustomerOrmEntity[]): Promise<Customer[]> {
    if (customers.length === 0) return [];
    const accounts = await this.manager.find(CustomerAccountOrmEntity, {
      where: { customerUniqueId: In(customers.map((customer) => customer.customerUniqueId)) },
    });
    const rows = new Map<string, CustomerRows>(customers.map((customer) => [customer.customerUniqueId, { customer, accounts: [] }]));
    for (const account of accounts) {
      rows.get(account.customerUniqueId)!.accounts.push(account);
      this.loadedAccounts.add(accountKey(account));
    }
    return [...rows.values()].map((row) => CustomerMapper.toDomain(row));
  }

  /** Every row written, or a ConcurrencyConflictError naming one that was not (with its stored version). */
  private async expectAll(rows: readonly CustomerRows[], written: readonly { customer_unique_id: string }[], expected: number | null): Promise<void> {
    if (written.length === rows.length) return;
    const done = new Set(written.map((row) => row.customer_unique_id));
    const missed = rows.find((row) => !done.has(row.customer.customerUniqueId))!.customer;
    const found: { version: number }[] = await this.manager.query('SELECT version FROM customer WHERE customer_unique_id = $1', [missed.customerUniqueId]);
    throw new ConcurrencyConflictError(missed.customerUniqueId, expected ?? missed.version - 1, found[0]?.version ?? null);
  }
}

function customerColumns(rows: readonly CustomerRows[]): unknown[] {
  const c = rows.map((row) => row.customer);
  const iso = (instant: Date | null) => (instant === null ? null : instant.toISOString());
  return [
    c.map((r) => r.customerUniqueId),
    c.map((r) => r.zipPrefix),
    c.map((r) => r.city),
    c.map((r) => r.state),
    c.map((r) => r.registeredAt.toISOString()),
    c.map((r) => iso(r.rfmAsOf)),
    c.map((r) => r.recencyDays),
    c.map((r) => r.frequency),
    c.map((r) => r.monetaryCents),
    c.map((r) => r.recencyScore),
    c.map((r) => r.frequencyScore),
    c.map((r) => r.monetaryScore),
    c.map((r) => r.segment),
    c.map((r) => r.version),
  ];
}
