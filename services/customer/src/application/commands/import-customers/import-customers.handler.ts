import { AccountOwnedByAnotherCustomerError, Customer } from '../../../domain/customer/customer.aggregate';
import { Location } from '../../../domain/customer/location.value-object';
import { requireText } from '../../../domain/shared/domain-error';
import { type Clock } from '../../ports/clock.port';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportRejection, rejectionFor, textOrNull } from '../shared/import-rejection';
import { RecomputeSegmentsHandler } from '../recompute-segments/recompute-segments.handler';
import { BULK_CONCURRENCY_ATTEMPTS, retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { joinedUnitOfWork, scoreAccountHolders } from '../shared/score-account-holders';
import { type ImportCustomersCommand } from './import-customers.command';

export interface ImportCustomersResult {
  /** Persons new to the service. */
  registered: string[];
  /** Known persons that got an account or moved. */
  updated: string[];
  /** Indexes of records that repeated what was known (idempotent re-import). */
  unchanged: number[];
  /** Per-record rejections; `id` is the record's customer_id. */
  rejected: ImportRejection[];
}

const OLIST_LOCATION_FIELDS = {
  zipPrefix: 'customer_zip_code_prefix',
  city: 'customer_city',
  state: 'customer_state',
};

/**
 * Imports rows of Olist's customers file in bulk, in file order (a person's later row is their
 * current address). Each row is a registration of an account; bad rows are rejected with the
 * column and reason while the others go on. Persons whose purchase history arrived before their
 * accounts are scored in the same transaction. All changes commit in one transaction.
 */
export class ImportCustomersHandler {
  constructor(
    private readonly uow: CustomerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ImportCustomersCommand): Promise<ImportCustomersResult> {
    const at = command.at ?? this.clock.now();
    const valid: { index: number; customerUniqueId: string; customerId: string; location: Location }[] = [];
    const invalid: ImportRejection[] = [];
    command.records.forEach((record, index) => {
      try {
        valid.push({
          index,
          customerId: requireText(record.customer_id, 'customer_id'),
          customerUniqueId: requireText(record.customer_unique_id, 'customer_unique_id'),
          location: new Location(
            {
              zipPrefix: record.customer_zip_code_prefix,
              city: record.customer_city,
              state: record.customer_state,
            },
            OLIST_LOCATION_FIELDS,
          ),
        });
      } catch (error) {
        invalid.push(rejectionFor(index, textOrNull(record?.customer_id), error));
      }
    });

    return retryOnConcurrencyConflict(() =>
      this.uow.run(async (tx) => {
        const { customers, outbox } = tx;
        const rejected = [...invalid];
        const byId = new Map<string, Customer>();
        const loaded = [
          ...(await customers.findByIds([...new Set(valid.map((row) => row.customerUniqueId))])),
          ...(await customers.findByAccountIds(valid.map((row) => row.customerId))),
        ];
        for (const customer of loaded) byId.set(customer.customerUniqueId, customer);
        const expectedVersions = new Map(
          [...byId.values()].map((customer) => [customer.customerUniqueId, customer.version]),
        );
        const accountOwner = new Map<string, string>();
        for (const customer of byId.values()) {
          for (const account of customer.accounts)
            accountOwner.set(account.customerId, customer.customerUniqueId);
        }
        const registered = new Set<string>();
        const updated = new Set<string>();
        const unchanged: number[] = [];

        for (const row of valid) {
          const owner = accountOwner.get(row.customerId);
          if (owner !== undefined && owner !== row.customerUniqueId) {
            rejected.push(
              rejectionFor(
                row.index,
                row.customerId,
                new AccountOwnedByAnotherCustomerError(row.customerId, owner),
              ),
            );
            continue;
          }
          const known = byId.get(row.customerUniqueId);
          if (!known) {
            byId.set(
              row.customerUniqueId,
              Customer.register({
                customerUniqueId: row.customerUniqueId,
                customerId: row.customerId,
                location: row.location,
                at,
              }),
            );
            registered.add(row.customerUniqueId);
          } else if (known.registerAccount(row.customerId, row.location, at) === 'changed') {
            if (!registered.has(row.customerUniqueId)) updated.add(row.customerUniqueId);
          } else {
            unchanged.push(row.index);
          }
          accountOwner.set(row.customerId, row.customerUniqueId);
        }

        const changed = [...registered, ...updated].map((id) => byId.get(id)!);
        if (changed.length > 0) {
          const scoring = await scoreAccountHolders(tx, changed, this.clock.now());
          await customers.saveMany(
            changed.map((customer) => ({
              customer,
              expectedVersion: expectedVersions.get(customer.customerUniqueId) ?? 0,
            })),
          );
          await outbox.append(changed.flatMap((customer) => customer.pullDomainEvents()));
          // The first persons with history ever: their accounts are written, score the whole base.
          if (scoring === 'no-snapshot') {
            await new RecomputeSegmentsHandler(joinedUnitOfWork(tx), this.clock).execute({ scope: 'full' });
          }
        }
        return {
          registered: [...registered],
          updated: [...updated],
          unchanged,
          rejected: rejected.sort((a, b) => a.index - b.index),
        };
      }),
      { attempts: BULK_CONCURRENCY_ATTEMPTS },
    );
  }
}
