import { type RfmAssessment } from '../rfm/rfm-scoring.service';
import { type Segment, isSegment } from '../rfm/segment';
import { CustomerDomainError, requireInstant, requireText } from '../shared/domain-error';
import { type CustomerDomainEvent } from './customer.events';
import { type BrazilianState, Location, type LocationProps } from './location.value-object';

export type CustomerChange = 'changed' | 'unchanged';

export interface RegisterCustomerProps {
  /** The person (Olist customer_unique_id). */
  customerUniqueId: string;
  /** The account used for an order (Olist customer_id). */
  customerId: string;
  location: LocationProps;
  at: Date;
}

export interface CustomerAccount {
  customerId: string;
  /** The address given with this account. */
  location: Location;
}

type LocationData = { zipPrefix: string; city: string; state: BrazilianState };

export interface CustomerSnapshot {
  customerUniqueId: string;
  accounts: { customerId: string; location: LocationData }[];
  location: LocationData;
  registeredAt: Date;
  /** The latest RFM assessment; null until the person has a counted purchase. */
  rfm: RfmAssessment | null;
  version: number;
}

/** An account already belongs to another person. */
export class AccountOwnedByAnotherCustomerError extends CustomerDomainError {
  readonly code = 'account-owned-by-another-customer';
  constructor(
    readonly customerId: string,
    readonly ownerCustomerUniqueId: string,
  ) {
    super(`account ${customerId} belongs to customer ${ownerCustomerUniqueId}`, 'customer_id');
  }
}

/**
 * The Customer aggregate: a person (customer_unique_id) with the accounts (customer_id) they used
 * for their orders, their current location and their RFM segment.
 */
export class Customer {
  private events: CustomerDomainEvent[] = [];

  private constructor(private readonly state: CustomerSnapshot) {}

  static register(props: RegisterCustomerProps): Customer {
    const customerUniqueId = requireText(props.customerUniqueId, 'customerUniqueId');
    const customerId = requireText(props.customerId, 'customerId');
    const location = new Location(props.location);
    const at = requireInstant(props.at, 'at');
    const customer = new Customer({
      customerUniqueId,
      accounts: [{ customerId, location: location.toProps() }],
      location: location.toProps(),
      registeredAt: at,
      rfm: null,
      version: 0,
    });
    customer.events.push({
      type: 'CustomerRegistered',
      customerUniqueId,
      occurredAt: at,
      accounts: [customerId],
      location,
    });
    return customer;
  }

  static restore(snapshot: CustomerSnapshot): Customer {
    return new Customer(structuredCloneSnapshot(snapshot));
  }

  get customerUniqueId(): string {
    return this.state.customerUniqueId;
  }
  get accounts(): readonly CustomerAccount[] {
    return this.state.accounts.map((account) => ({
      customerId: account.customerId,
      location: new Location(account.location),
    }));
  }
  get location(): Location {
    return new Location(this.state.location);
  }
  get registeredAt(): Date {
    return this.state.registeredAt;
  }
  get rfm(): RfmAssessment | null {
    return this.state.rfm;
  }
  get segment(): Segment | null {
    return this.state.rfm?.segment ?? null;
  }
  get version(): number {
    return this.state.version;
  }

  hasAccount(customerId: string): boolean {
    return this.state.accounts.some((account) => account.customerId === customerId);
  }

  /**
   * Registers an account of this person. A known account with the location it already has is
   * unchanged. A new account is added (AccountAdded); a new account or a known one given a new
   * location makes that location the current one, a move (CustomerRelocated) when it differs.
   */
  registerAccount(customerId: string, locationProps: LocationProps, at: Date): CustomerChange {
    const id = requireText(customerId, 'customerId');
    const location = new Location(locationProps);
    requireInstant(at, 'at');
    const account = this.state.accounts.find((known) => known.customerId === id);
    if (account) {
      // Re-registering an account with the address it already has repeats a known fact.
      if (new Location(account.location).equals(location)) return 'unchanged';
      account.location = location.toProps();
    } else {
      this.state.accounts.push({ customerId: id, location: location.toProps() });
      this.events.push({
        type: 'AccountAdded',
        customerUniqueId: this.customerUniqueId,
        occurredAt: at,
        customerId: id,
        location,
      });
    }
    this.relocate(location, at);
    return 'changed';
  }

  /** The person moved. Unchanged when the location is the current one. */
  relocate(locationProps: LocationProps, at: Date): CustomerChange {
    const location = locationProps instanceof Location ? locationProps : new Location(locationProps);
    requireInstant(at, 'at');
    const previous = this.location;
    if (previous.equals(location)) return 'unchanged';
    this.state.location = location.toProps();
    this.events.push({
      type: 'CustomerRelocated',
      customerUniqueId: this.customerUniqueId,
      occurredAt: at,
      location,
      previousLocation: previous,
    });
    return 'changed';
  }

  /**
   * Keeps the latest RFM assessment (null: no counted purchase any more). Changed whenever the
   * figures differ; SegmentChanged is recorded only when the segment itself changes to another one.
   */
  assess(assessment: RfmAssessment | null, at: Date): CustomerChange {
    requireInstant(at, 'at');
    if (assessment !== null && !isSegment(assessment.segment)) {
      throw new TypeError(`unknown segment ${String(assessment.segment)}`);
    }
    if (sameAssessment(this.state.rfm, assessment)) return 'unchanged';
    const previousSegment = this.segment;
    this.state.rfm = assessment ? { ...assessment } : null;
    if (assessment && assessment.segment !== previousSegment) {
      this.events.push({
        type: 'SegmentChanged',
        customerUniqueId: this.customerUniqueId,
        occurredAt: at,
        segment: assessment.segment,
        previousSegment,
        assessment,
      });
    }
    return 'changed';
  }

  pullDomainEvents(): CustomerDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  toSnapshot(): CustomerSnapshot {
    return structuredCloneSnapshot(this.state);
  }
}

function structuredCloneSnapshot(snapshot: CustomerSnapshot): CustomerSnapshot {
  return {
    customerUniqueId: snapshot.customerUniqueId,
    accounts: snapshot.accounts.map((account) => ({
      customerId: account.customerId,
      location: { ...account.location },
    })),
    location: { ...snapshot.location },
    registeredAt: snapshot.registeredAt,
    rfm: snapshot.rfm ? { ...snapshot.rfm } : null,
    version: snapshot.version,
  };
}

function sameAssessment(a: RfmAssessment | null, b: RfmAssessment | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.asOf.getTime() === b.asOf.getTime() &&
    a.recencyDays === b.recencyDays &&
    a.frequency === b.frequency &&
    a.monetaryCents === b.monetaryCents &&
    a.recencyScore === b.recencyScore &&
    a.frequencyScore === b.frequencyScore &&
    a.monetaryScore === b.monetaryScore &&
    a.segment === b.segment
  );
}
