import { type Purchase } from '../../domain/purchase/purchase.aggregate';
import { type CustomerMetrics } from '../../domain/rfm/rfm-scoring.service';

/**
 * The purchase history, one Purchase per order, keyed by order id and linked to a person through
 * the account it was placed under.
 */
export interface PurchaseRepository {
  findByOrderId(orderId: string): Promise<Purchase | null>;
  /** Optimistic write, as CustomerRepository.save. */
  save(purchase: Purchase, expectedVersion: number): Promise<void>;
  /**
   * RFM figures of these persons over the purchases of all their accounts, exactly as the domain's
   * `computeMetrics` defines them (set-based in SQL). Persons without a counted purchase are absent.
   */
  metricsOf(customerUniqueIds: readonly string[]): Promise<CustomerMetrics[]>;
  /**
   * The same for persons given the accounts they hold (stored or not yet: a registration being
   * written), so that registering an account scores its person in the same transaction.
   */
  metricsOfHolders(holders: readonly AccountHolder[]): Promise<CustomerMetrics[]>;
  /** The same for every registered person with a counted purchase (full recomputation). */
  metricsOfAll(): Promise<CustomerMetrics[]>;
}

/** A person and every account they hold. */
export interface AccountHolder {
  customerUniqueId: string;
  customerIds: readonly string[];
}
