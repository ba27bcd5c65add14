import { OrderNotFoundError } from '../../application.errors';
import { type OrderRepository } from '../../ports/order.repository.port';
import { type OrderView, toOrderView } from '../order.view';
import { type GetOrderQuery } from './get-order.query';

export class GetOrderHandler {
  constructor(private readonly orders: OrderRepository) {}

  /** The order, or OrderNotFoundError. */
  async execute(query: GetOrderQuery): Promise<OrderView> {
    const order = await this.orders.findById(query.orderId);
    if (!order) throw new OrderNotFoundError(query.orderId);
    return toOrderView(order);
  }
}
