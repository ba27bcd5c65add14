export interface GetCustomerQuery {
  customerUniqueId: string;
}
