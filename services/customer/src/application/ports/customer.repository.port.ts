import { type Customer } from '../../domain/customer/customer.aggregate';
import { type BrazilianState } from '../../domain/customer/location.value-object';
import { type Segment } from '../../domain/rfm/segment';

/**
 * Where customers live. Implementations persist `customer.toSnapshot()` (accounts in their own
 * table, so that an account id finds its person) and rebuild with `Customer.restore(snapshot)`.
 */
export interface CustomerRepository {
  findById(customerUniqueId: string): Promise<Customer | null>;
  findByIds(customerUniqueIds: readonly string[]): Promise<Customer[]>;
  /** The customers owning any of these accounts (customer_id). */
  findByAccountIds(customerIds: readonly string[]): Promise<Customer[]>;
  /**
   * Writes the customer if its stored version is still `expectedVersion` (0: must not exist) and
   * stores it as `expectedVersion + 1`; otherwise throws ConcurrencyConflictError.
   */
  save(customer: Customer, expectedVersion: number): Promise<void>;
  /** `save` for many customers at once (set-based); all or nothing. */
  saveMany(changes: readonly VersionedCustomer[]): Promise<void>;
  /** One page, by customer_unique_id ascending. */
  list(criteria: CustomerListCriteria): Promise<CustomerPage>;
  /** Customers and their monetary total per segment (segment null: not scored). */
  segmentSummary(): Promise<SegmentSummaryRow[]>;
}

export interface VersionedCustomer {
  customer: Customer;
  expectedVersion: number;
}

export interface CustomerListCriteria {
  segment?: Segment;
  state?: BrazilianState;
  /** The customer_unique_id of the last customer of the previous page. */
  after?: string;
  limit: number;
}

export interface CustomerPage {
  customers: Customer[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

export interface SegmentSummaryRow {
  segment: Segment | null;
  customers: number;
  /** Sum of the assessed monetary value of these customers, in cents. */
  monetaryCents: number;
}
