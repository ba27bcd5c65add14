import { type Money } from '../money/money.value-object';
import { InvalidFieldError } from '../shared/domain-error';
import { requirePositiveInteger } from './order-line.value-object';

export const PAYMENT_TYPES = ['credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const MAX_INSTALLMENTS = 24;

export interface PaymentProps {
  /** Olist's payment_sequential: identifies the payment inside its order (1..n). */
  sequential: number;
  type: PaymentType;
  /** 0..24; Olist records 0 for some payments, so 0 is accepted. */
  installments: number;
  value: Money;
}

export function isPaymentType(value: unknown): value is PaymentType {
  return typeof value === 'string' && (PAYMENT_TYPES as readonly string[]).includes(value);
}

/** One payment towards an order, identified by its sequential inside the order. */
export class Payment {
  readonly sequential: number;
  readonly type: PaymentType;
  readonly installments: number;
  readonly value: Money;

  constructor(props: PaymentProps) {
    this.sequential = requirePositiveInteger(props.sequential, 'payment_sequential');
    if (!isPaymentType(props.type)) {
      throw new InvalidFieldError('payment_type', props.type, `must be one of ${PAYMENT_TYPES.join(', ')}`);
    }
    this.type = props.type;
    if (
      !Number.isInteger(props.installments) ||
      props.installments < 0 ||
      props.installments > MAX_INSTALLMENTS
    ) {
      throw new InvalidFieldError(
        'payment_installments',
        props.installments,
        `must be an integer from 0 to ${MAX_INSTALLMENTS}`,
      );
    }
    this.installments = props.installments;
    this.value = props.value.assertNonNegative('payment_value');
  }

  equals(other: Payment): boolean {
    return (
      this.sequential === other.sequential &&
      this.type === other.type &&
      this.installments === other.installments &&
      this.value.equals(other.value)
    );
  }
}
