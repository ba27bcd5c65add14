import { BRAZILIAN_STATES, type BrazilianState } from '../../../domain/customer/location.value-object';
import { SEGMENTS, type Segment, isSegment } from '../../../domain/rfm/segment';
import { InvalidQueryError } from '../../application.errors';
import { type CustomerRepository } from '../../ports/customer.repository.port';
import { type CustomerView, toCustomerView } from '../customer.view';
import { decodeCursor, encodeCursor, pageSize } from '../page-cursor';
import { type ListCustomersQuery } from './list-customers.query';

export interface CustomerListPage {
  items: CustomerView[];
  nextCursor: string | null;
}

/** Customers by id, filtered by segment and state, with opaque keyset cursors. */
export class ListCustomersHandler {
  constructor(private readonly customers: CustomerRepository) {}

  async execute(query: ListCustomersQuery): Promise<CustomerListPage> {
    const limit = pageSize(query.limit);
    if (query.segment !== undefined && !isSegment(query.segment)) {
      throw new InvalidQueryError('segment', `must be one of ${SEGMENTS.join(', ')}`);
    }
    if (query.state !== undefined && !(BRAZILIAN_STATES as readonly string[]).includes(query.state)) {
      throw new InvalidQueryError('state', 'must be a Brazilian state code (UF), e.g. SP');
    }
    const page = await this.customers.list({
      segment: query.segment as Segment | undefined,
      state: query.state as BrazilianState | undefined,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, 1)[0],
      limit,
    });
    return {
      items: page.customers.map(toCustomerView),
      nextCursor: page.next === null ? null : encodeCursor([page.next]),
    };
  }
}
