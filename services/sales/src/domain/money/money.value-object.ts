import { SalesDomainError } from '../shared/domain-error';

/** Text that is not an amount with at most two decimals, or an amount beyond the safe integer range. */
export class InvalidMoneyError extends SalesDomainError {
  readonly code = 'invalid-money';
  constructor(
    readonly value: unknown,
    field?: string,
  ) {
    super(`${field ?? 'amount'} is not an amount with at most two decimals: ${JSON.stringify(value)}`, field);
  }
}

/** A price, freight or payment value below zero. */
export class NegativeMoneyError extends SalesDomainError {
  readonly code = 'negative-money';
  constructor(
    readonly value: Money,
    field: string,
  ) {
    super(`${field} must not be negative (got ${value.format()})`, field);
  }
}

const AMOUNT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount of Brazilian reais held as integer cents. Amounts are parsed from and formatted to
 * their decimal text without ever going through a floating-point number, so "129.90" stays exact.
 */
export class Money {
  private constructor(readonly cents: number) {}

  static readonly ZERO = new Money(0);

  static ofCents(cents: number): Money {
    if (!Number.isSafeInteger(cents)) throw new InvalidMoneyError(cents);
    return cents === 0 ? Money.ZERO : new Money(cents);
  }

  /** Parses "129.90", "129.9", "129" or "-3.50" (a dot as decimal separator, at most two decimals). */
  static parse(text: string, field?: string): Money {
    const match = AMOUNT.exec(text.trim());
    if (!match) throw new InvalidMoneyError(text, field);
    const [, sign, units, decimals = ''] = match;
    const digits = `${units}${decimals.padEnd(2, '0')}`;
    const cents = Number(digits);
    if (!Number.isSafeInteger(cents)) throw new InvalidMoneyError(text, field);
    return Money.ofCents(sign && cents !== 0 ? -cents : cents);
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = 0;
    for (const amount of amounts) total += amount.cents;
    return Money.ofCents(total);
  }

  add(other: Money): Money {
    return Money.ofCents(this.cents + other.cents);
  }

  subtract(other: Money): Money {
    return Money.ofCents(this.cents - other.cents);
  }

  isNegative(): boolean {
    return this.cents < 0;
  }

  isZero(): boolean {
    return this.cents === 0;
  }

  equals(other: Money): boolean {
    return this.cents === other.cents;
  }

  compareTo(other: Money): number {
    return Math.sign(this.cents - other.cents);
  }

  /** Throws NegativeMoneyError naming `field` when the amount is below zero. */
  assertNonNegative(field: string): this {
    if (this.isNegative()) throw new NegativeMoneyError(this, field);
    return this;
  }

  /** "129.90", "-3.50", "0.00". */
  format(): string {
    const sign = this.cents < 0 ? '-' : '';
    const absolute = Math.abs(this.cents);
    const units = Math.trunc(absolute / 100);
    const decimals = String(absolute % 100).padStart(2, '0');
    return `${sign}${units}.${decimals}`;
  }

  toJSON(): string {
    return this.format();
  }

  toString(): string {
    return this.format();
  }
}
