import { type HistoricalOrderRecord } from './historical-order.record';

/*
 * Test data only: real Olist orders with the quirks the importer must survive, for unit tests of
 * the domain and the application layer.
 */

// Rows copied byte for byte from /work/shared/olist/real/*.head.csv (Olist's own data).
const ORDERS = `
"00bdcdda88e6b02977fc6ce3d412c600","45ba03e2c6bbb5dc48131ba32ec3ae5e",delivered,2018-06-12 09:51:55,2018-06-12 10:21:14,2018-06-12 14:10:00,2018-06-18 18:20:48,2018-07-24 00:00:00
"0966b61e30c4a07edbd7523f59b3f3e4","2fcc597b8934d99715dbfff7909dd27f",canceled,2018-05-22 18:50:55,2018-05-22 19:17:15,,,2018-07-03 00:00:00
c272bcd21c287498b4883c7512019702,"9582c5bbecc65eb568e2c1d839b5cba1",unavailable,2018-01-31 11:31:37,2018-01-31 14:23:50,,,2018-02-16 00:00:00
"1950d777989f6a877539f53795b4c3c3","1bccb206de9f0f25adc6871a1bcf77b2",canceled,2018-02-19 19:48:52,2018-02-19 20:56:05,2018-02-20 19:57:13,2018-03-21 22:03:51,2018-03-09 00:00:00
"2d1e2d5bf4dc7227b3bfebb81328c15f",ec05a6d8558c6455f0cbbd8a420ad34f,delivered,2017-11-28 17:44:07,2017-11-28 17:56:40,2017-11-30 18:12:23,,2017-12-18 00:00:00
dcb36b511fcac050b97cd5c05de84dc3,"3b6828a50ffe546942b7a473d70ac0fc",delivered,2018-06-07 19:03:12,2018-06-12 23:31:02,2018-06-11 14:54:00,2018-06-21 15:34:32,2018-07-04 00:00:00
b9afddbdcfadc9a87b41a83271c3e888,"85c6af75161b8b2b1af98e82b5a6a5a5",delivered,2018-08-16 13:50:48,2018-08-16 14:05:13,2018-08-16 13:27:00,2018-08-24 14:58:37,2018-09-04 00:00:00
"714fb133a6730ab81fa1d3c1b2007291",e3fe72696c4713d64d3c10afe71e75ed,canceled,2018-01-26 21:34:08,2018-01-26 21:58:39,2018-01-29 22:33:25,,2018-02-22 00:00:00
"00b1cb0320190ca0daa2c88b35206009","3532ba38a3fd242259a514ac2b6ae6b6",canceled,2018-08-28 15:26:39,,,,2018-09-12 00:00:00
"136cce7faa42fdb2cefd53fdc79a6098",ed0271e0b7da060a393796590e7b737a,invoiced,2017-04-11 12:22:08,2017-04-13 13:25:17,,,2017-05-09 00:00:00
"15bed8e2fec7fdbadb186b57c46c92f2",f3f0e613e0bdb9c7cee75504f0f90679,processing,2017-09-03 14:22:03,2017-09-03 14:30:09,,,2017-10-03 00:00:00
b68d69564a79dea4776afa33d1d2fcab,de1e5517fb50896bbdcff5814fb31802,shipped,2018-02-28 08:57:03,2018-02-28 10:40:35,2018-03-05 16:10:13,,2018-03-23 00:00:00
`;
const ITEMS = `
"00bdcdda88e6b02977fc6ce3d412c600",1,"20566af10fda4783935b8cef249fa4c3",d921b68bf747894be13a97ae52b0f386,2018-06-14 10:21:14,118.90,18.93
"0966b61e30c4a07edbd7523f59b3f3e4",1,d062241f27854330b57851b64d08d472,"37ceb404da208418c9032f0674e57804",2018-06-18 19:17:15,68.31,23.06
"0966b61e30c4a07edbd7523f59b3f3e4",2,d062241f27854330b57851b64d08d472,"37ceb404da208418c9032f0674e57804",2018-06-18 19:17:15,68.31,23.06
"0966b61e30c4a07edbd7523f59b3f3e4",3,d062241f27854330b57851b64d08d472,"37ceb404da208418c9032f0674e57804",2018-06-18 19:17:15,68.31,23.06
`;
const PAYMENTS = `
"00bdcdda88e6b02977fc6ce3d412c600",1,credit_card,1,137.83
c272bcd21c287498b4883c7512019702,1,credit_card,1,97.68
b68d69564a79dea4776afa33d1d2fcab,1,credit_card,9,262.37
"5cfd514482e22bc992e7693f0e3e8df7",2,voucher,1,45.17
`;

/** These rows hold no comma inside a field: splitting on commas and dropping quotes reads them. */
function rows(csv: string): string[][] {
  return csv
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((field) => field.replace(/^"|"$/g, '')));
}

export function realOlistOrders(): Map<string, HistoricalOrderRecord> {
  const byId = new Map<string, HistoricalOrderRecord>();
  for (const [order_id, customer_id, order_status, purchase, approved, carrier, delivered, estimated] of rows(
    ORDERS,
  )) {
    byId.set(order_id!, {
      order_id: order_id!,
      customer_id: customer_id!,
      order_status: order_status!,
      order_purchase_timestamp: purchase!,
      order_approved_at: approved!,
      order_delivered_carrier_date: carrier!,
      order_delivered_customer_date: delivered!,
      order_estimated_delivery_date: estimated!,
      items: [],
      payments: [],
    });
  }
  for (const [
    orderId,
    order_item_id,
    product_id,
    seller_id,
    shipping_limit_date,
    price,
    freight_value,
  ] of rows(ITEMS)) {
    const record = byId.get(orderId!)!;
    byId.set(orderId!, {
      ...record,
      items: [
        ...record.items,
        {
          order_item_id: order_item_id!,
          product_id: product_id!,
          seller_id: seller_id!,
          shipping_limit_date: shipping_limit_date!,
          price: price!,
          freight_value: freight_value!,
        },
      ],
    });
  }
  for (const [orderId, payment_sequential, payment_type, payment_installments, payment_value] of rows(
    PAYMENTS,
  )) {
    const record = byId.get(orderId!);
    if (!record) continue;
    byId.set(orderId!, {
      ...record,
      payments: [
        ...record.payments,
        {
          payment_sequential: payment_sequential!,
          payment_type: payment_type!,
          payment_installments: payment_installments!,
          payment_value: payment_value!,
        },
      ],
    });
  }
  return byId;
}

/** The real record of one of the orders above (a fresh copy each call). */
export function realOlistOrder(orderId: string): HistoricalOrderRecord {
  const record = realOlistOrders().get(orderId);
  if (!record) throw new Error(`no fixture for order ${orderId}`);
  return record;
}
