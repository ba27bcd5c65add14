import {
  AccountOwnedByAnotherCustomerError,
  Customer,
  type CustomerChange,
} from '../../../domain/customer/customer.aggregate';
import { Location } from '../../../domain/customer/location.value-object';
import { requireText } from '../../../domain/shared/domain-error';
import { type Clock } from '../../ports/clock.port';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type CustomerView, toCustomerView } from '../../queries/customer.view';
import { RecomputeSegmentsHandler } from '../recompute-segments/recompute-segments.handler';
import { retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { joinedUnitOfWork, scoreAccountHolders } from '../shared/score-account-holders';
import { type RegisterCustomerCommand } from './register-customer.command';

export interface RegisterCustomerResult {
  customer: CustomerView;
  outcome: CustomerChange;
}

/**
 * Registers an account of a person: a new person (CustomerRegistered), a new account of a known
 * person (AccountAdded), a move (CustomerRelocated); a known account again is unchanged. An account
 * that belongs to another person is an AccountOwnedByAnotherCustomerError. An account whose
 * purchases arrived first gets its person scored in the same transaction.
 */
export class RegisterCustomerHandler {
  constructor(
    private readonly uow: CustomerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterCustomerCommand): Promise<RegisterCustomerResult> {
    const customerUniqueId = requireText(command.customerUniqueId, 'customerUniqueId');
    const customerId = requireText(command.customerId, 'customerId');
    const location = new Location({ zipPrefix: command.zipPrefix, city: command.city, state: command.state });
    const at = command.at ?? this.clock.now();
    return retryOnConcurrencyConflict(() =>
      this.uow.run(async (tx) => {
        const { customers, outbox } = tx;
        const [owner] = await customers.findByAccountIds([customerId]);
        if (owner && owner.customerUniqueId !== customerUniqueId) {
          throw new AccountOwnedByAnotherCustomerError(customerId, owner.customerUniqueId);
        }
        const existing = owner ?? (await customers.findById(customerUniqueId));
        const customer =
          existing ?? Customer.register({ customerUniqueId, customerId, location: location.toProps(), at });
        const expectedVersion = customer.version;
        const outcome = existing ? existing.registerAccount(customerId, location.toProps(), at) : 'changed';
        if (outcome === 'unchanged') return { customer: toCustomerView(customer), outcome };
        const scoring = await scoreAccountHolders(tx, [customer], this.clock.now());
        await customers.save(customer, expectedVersion);
        await outbox.append(customer.pullDomainEvents());
        if (scoring === 'no-snapshot') {
          // The first person with history ever: score the whole base, then show what was stored.
          await new RecomputeSegmentsHandler(joinedUnitOfWork(tx), this.clock).execute({ scope: 'full' });
          const stored = (await customers.findById(customerUniqueId))!;
          return { customer: toCustomerView(stored), outcome };
        }
        return { customer: { ...toCustomerView(customer), version: expectedVersion + 1 }, outcome };
      }),
    );
  }
}
