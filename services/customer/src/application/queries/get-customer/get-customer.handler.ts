import { CustomerNotFoundError } from '../../application.errors';
import { type CustomerRepository } from '../../ports/customer.repository.port';
import { type CustomerView, toCustomerView } from '../customer.view';
import { type GetCustomerQuery } from './get-customer.query';

/** A customer with accounts, location, segment and RFM scores; CustomerNotFoundError otherwise. */
export class GetCustomerHandler {
  constructor(private readonly customers: CustomerRepository) {}

  async execute(query: GetCustomerQuery): Promise<CustomerView> {
    const customer = await this.customers.findById(query.customerUniqueId);
    if (!customer) throw new CustomerNotFoundError(query.customerUniqueId);
    return toCustomerView(customer);
  }
}
