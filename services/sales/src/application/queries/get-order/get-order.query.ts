export interface GetOrderQuery {
  orderId: string;
}
