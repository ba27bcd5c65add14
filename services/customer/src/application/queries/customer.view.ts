import { type Customer } from '../../domain/customer/customer.aggregate';
import { type BrazilianState } from '../../domain/customer/location.value-object';
import { type Segment } from '../../domain/rfm/segment';
import { formatCents } from '../../domain/shared/domain-error';
import { instantToOlistLocal, instantToSaoPauloIso } from '../../domain/shared/sao-paulo-time';

export interface LocationView {
  zipPrefix: string;
  city: string;
  state: BrazilianState;
}

/** A customer as the use cases return it: plain JSON-ready data. */
export interface CustomerView {
  customerUniqueId: string;
  location: LocationView;
  accounts: { customerId: string; location: LocationView }[];
  registeredAt: string;
  segment: Segment | null;
  rfm: {
    /** The reference day (São Paulo calendar) the recency is measured to. */
    asOf: string;
    recencyDays: number;
    frequency: number;
    monetary: string;
    monetaryCents: number;
    recencyScore: number;
    frequencyScore: number;
    monetaryScore: number;
  } | null;
  version: number;
}

export function toCustomerView(customer: Customer): CustomerView {
  const rfm = customer.rfm;
  return {
    customerUniqueId: customer.customerUniqueId,
    location: customer.location.toProps(),
    accounts: customer.accounts.map((account) => ({
      customerId: account.customerId,
      location: account.location.toProps(),
    })),
    registeredAt: instantToSaoPauloIso(customer.registeredAt),
    segment: customer.segment,
    rfm: rfm
      ? {
          asOf: instantToOlistLocal(rfm.asOf).slice(0, 10),
          recencyDays: rfm.recencyDays,
          frequency: rfm.frequency,
          monetary: formatCents(rfm.monetaryCents),
          monetaryCents: rfm.monetaryCents,
          recencyScore: rfm.recencyScore,
          frequencyScore: rfm.frequencyScore,
          monetaryScore: rfm.monetaryScore,
        }
      : null,
    version: customer.version,
  };
}
