import { Customer, type CustomerSnapshot } from '../../domain/customer/customer.aggregate';
import { type BrazilianState } from '../../domain/customer/location.value-object';
import { type Segment } from '../../domain/rfm/segment';
import { type Score } from '../../domain/rfm/segment';
import { type CustomerAccountOrmEntity } from './customer-account.orm-entity';
import { type CustomerOrmEntity } from './customer.orm-entity';

/** A customer as rows of its two tables (plain objects of the entities' shapes). */
export interface CustomerRows {
  customer: CustomerOrmEntity;
  accounts: CustomerAccountOrmEntity[];
}

/** Converts between the Customer aggregate and its rows; the domain never sees a row. */
export const CustomerMapper = {
  toRows(customer: Customer, version: number): CustomerRows {
    const snapshot = customer.toSnapshot();
    const rfm = snapshot.rfm;
    return {
      customer: {
        customerUniqueId: snapshot.customerUniqueId,
        zipPrefix: snapshot.location.zipPrefix,
        city: snapshot.location.city,
        state: snapshot.location.state,
        registeredAt: snapshot.registeredAt,
        rfmAsOf: rfm?.asOf ?? null,
        recencyDays: rfm?.recencyDays ?? null,
        frequency: rfm?.frequency ?? null,
        monetaryCents: rfm?.monetaryCents ?? null,
        recencyScore: rfm?.recencyScore ?? null,
        frequencyScore: rfm?.frequencyScore ?? null,
        monetaryScore: rfm?.monetaryScore ?? null,
        segment: rfm?.segment ?? null,
        version,
      },
      accounts: snapshot.accounts.map((account, position) => ({
        customerId: account.customerId,
        customerUniqueId: snapshot.customerUniqueId,
        position,
        ...account.location,
      })),
    };
  },

  toDomain({ customer: row, accounts }: CustomerRows): Customer {
    const snapshot: CustomerSnapshot = {
      customerUniqueId: row.customerUniqueId,
      location: { zipPrefix: row.zipPrefix, city: row.city, state: row.state as BrazilianState },
      accounts: [...accounts]
        .sort((a, b) => a.position - b.position)
        .map((account) => ({
          customerId: account.customerId,
          location: { zipPrefix: account.zipPrefix, city: account.city, state: account.state as BrazilianState },
        })),
      registeredAt: row.registeredAt,
      rfm:
        row.rfmAsOf === null
          ? null
          : {
              asOf: row.rfmAsOf,
              recencyDays: row.recencyDays!,
              frequency: row.frequency!,
              monetaryCents: row.monetaryCents!,
              recencyScore: row.recencyScore as Score,
              frequencyScore: row.frequencyScore as Score,
              monetaryScore: row.monetaryScore as Score,
              segment: row.segment as Segment,
            },
      version: row.version,
    };
    return Customer.restore(snapshot);
  },
};
