import {
  CustomerDomainError,
  InvalidFieldError,
  requireCents,
  requireInstant,
  requireText,
} from '../shared/domain-error';

/** How an order stopped counting: Olist's two exits. */
export type PurchaseClosure = 'canceled' | 'unavailable';

export type PurchaseChange = 'changed' | 'unchanged';

/** The facts of an order placement, as the sales service published them. */
export interface PurchasePlacement {
  /** The customer account (Olist customer_id) the order was placed under. */
  customerId: string;
  purchasedAt: Date;
  /** Price plus freight of the order's lines, in cents. */
  orderValueCents: number;
}

export interface PurchaseSnapshot {
  orderId: string;
  placement: PurchasePlacement | null;
  /** Payment values in cents by payment sequential. */
  payments: { sequential: number; valueCents: number }[];
  closure: PurchaseClosure | null;
  closedAt: Date | null;
  version: number;
}

/** The same order, payment or closure reported again with different content. */
export class PurchaseConflictError extends CustomerDomainError {
  readonly code = 'purchase-conflict';
  constructor(
    readonly orderId: string,
    readonly what: string,
  ) {
    super(`order ${orderId} already has a different ${what}`);
  }
}

/**
 * One order in a customer's purchase history, fed by the sales service's events. The placement,
 * payments and closure may arrive in any order (they travel on different topics), so a purchase can
 * exist with payments before its placement is known; it counts towards RFM only once placed and as
 * long as it is not closed. Every report is idempotent: the same fact again changes nothing, a
 * different fact under the same key is a PurchaseConflictError.
 */
export class Purchase {
  private constructor(private readonly state: PurchaseSnapshot) {}

  /** A purchase nothing is known about yet but its order id. */
  static open(orderId: string): Purchase {
    return new Purchase({
      orderId: requireText(orderId, 'orderId'),
      placement: null,
      payments: [],
      closure: null,
      closedAt: null,
      version: 0,
    });
  }

  static restore(snapshot: PurchaseSnapshot): Purchase {
    return new Purchase({
      ...snapshot,
      placement: snapshot.placement ? { ...snapshot.placement } : null,
      payments: snapshot.payments.map((payment) => ({ ...payment })),
    });
  }

  get orderId(): string {
    return this.state.orderId;
  }
  get placement(): PurchasePlacement | null {
    return this.state.placement;
  }
  get customerId(): string | null {
    return this.state.placement?.customerId ?? null;
  }
  get closure(): PurchaseClosure | null {
    return this.state.closure;
  }
  get version(): number {
    return this.state.version;
  }
  /** Sum of the payments recorded so far, in cents. */
  get paidCents(): number {
    return this.state.payments.reduce((sum, payment) => sum + payment.valueCents, 0);
  }
  /** Placed and neither canceled nor unavailable: it counts for frequency and monetary. */
  get counts(): boolean {
    return this.state.placement !== null && this.state.closure === null;
  }

  recordPlacement(placement: PurchasePlacement): PurchaseChange {
    const next: PurchasePlacement = {
      customerId: requireText(placement.customerId, 'customerId'),
      purchasedAt: requireInstant(placement.purchasedAt, 'purchasedAt'),
      orderValueCents: requireCents(placement.orderValueCents, 'orderValueCents'),
    };
    const known = this.state.placement;
    if (known) {
      const same =
        known.customerId === next.customerId &&
        known.purchasedAt.getTime() === next.purchasedAt.getTime() &&
        known.orderValueCents === next.orderValueCents;
      if (same) return 'unchanged';
      throw new PurchaseConflictError(this.orderId, 'placement');
    }
    this.state.placement = next;
    return 'changed';
  }

  recordPayment(sequential: number, valueCents: number): PurchaseChange {
    if (!Number.isSafeInteger(sequential) || sequential < 1) {
      throw new InvalidFieldError('sequential', sequential, 'must be a positive integer');
    }
    requireCents(valueCents, 'valueCents');
    const known = this.state.payments.find((payment) => payment.sequential === sequential);
    if (known) {
      if (known.valueCents === valueCents) return 'unchanged';
      throw new PurchaseConflictError(this.orderId, `payment ${sequential}`);
    }
    this.state.payments = [...this.state.payments, { sequential, valueCents }].sort(
      (a, b) => a.sequential - b.sequential,
    );
    return 'changed';
  }

  /** The order was canceled or found unavailable; it stops counting. */
  recordClosure(closure: PurchaseClosure, at: Date): PurchaseChange {
    if (closure !== 'canceled' && closure !== 'unavailable') {
      throw new InvalidFieldError('closure', closure, 'must be canceled or unavailable');
    }
    requireInstant(at, 'at');
    if (this.state.closure !== null) {
      if (this.state.closure === closure && this.state.closedAt?.getTime() === at.getTime())
        return 'unchanged';
      throw new PurchaseConflictError(this.orderId, 'closure');
    }
    this.state.closure = closure;
    this.state.closedAt = at;
    return 'changed';
  }

  toSnapshot(): PurchaseSnapshot {
    return Purchase.restore(this.state).state;
  }
}
