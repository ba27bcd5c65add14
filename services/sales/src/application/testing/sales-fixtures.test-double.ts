import { type PlaceOrderCommand } from '../commands/place-order/place-order.command';

export const PURCHASED_AT = new Date('2017-10-02T13:56:33Z');

/** `hours` after PURCHASED_AT. */
export function hoursLater(hours: number): Date {
  return new Date(PURCHASED_AT.getTime() + hours * 3_600_000);
}

export function placeOrderCommand(overrides: Partial<PlaceOrderCommand> = {}): PlaceOrderCommand {
  return {
    orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
    customerId: '9ef432eb6251297304e76186b10a928d',
    purchasedAt: PURCHASED_AT,
    estimatedDeliveryDate: '2017-10-18',
    lines: [
      {
        lineNumber: 1,
        productId: '87285b34884572647811a353c7ac498a',
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: hoursLater(48),
        price: '29.99',
        freight: '8.72',
      },
    ],
    ...overrides,
  };
}
