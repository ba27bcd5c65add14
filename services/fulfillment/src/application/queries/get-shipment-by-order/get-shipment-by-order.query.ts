export interface GetShipmentByOrderQuery {
  orderId: string;
}
