import { readImportAnswer } from './ndjson-upload';
import { centsToText, toOlistText } from './olist-text';

describe('Olist text for the bulk import endpoints', () => {
  it('writes cents back as Olist decimal text', () => {
    expect(centsToText(2999)).toBe('29.99');
    expect(centsToText(5)).toBe('0.05');
    expect(centsToText(0)).toBe('0.00');
    expect(centsToText(-1250)).toBe('-12.50');
    expect(centsToText(123456789)).toBe('1234567.89');
  });

  it('restores the published column names, empty text for missing values', () => {
    expect(
      toOlistText.products({
        productId: '1e9e8ef04dbcff4541ed26657ea517e5',
        categoryName: null,
        nameLength: null,
        descriptionLength: null,
        photosQty: null,
        weightG: 0,
        lengthCm: 16,
        heightCm: 10,
        widthCm: 14,
      }),
    ).toEqual({
      product_id: '1e9e8ef04dbcff4541ed26657ea517e5',
      product_category_name: '',
      product_name_lenght: '',
      product_description_lenght: '',
      product_photos_qty: '',
      product_weight_g: '0',
      product_length_cm: '16',
      product_height_cm: '10',
      product_width_cm: '14',
    });
    expect(
      toOlistText.order_items({
        orderId: 'o',
        orderItemId: 2,
        productId: 'p',
        sellerId: 's',
        shippingLimitDate: '2017-09-19 09:45:35',
        priceCents: 5890,
        freightValueCents: 1329,
      }),
    ).toEqual({
      order_id: 'o',
      order_item_id: '2',
      product_id: 'p',
      seller_id: 's',
      shipping_limit_date: '2017-09-19 09:45:35',
      price: '58.90',
      freight_value: '13.29',
    });
  });
});

describe('reading a service import answer', () => {
  it('understands the wordings of the services', () => {
    expect(readImportAnswer({ imported: 3, unchanged: 1, rejected: [{ index: 0, reason: 'x' }] })).toEqual({
      accepted: 3,
      unchanged: 1,
      rejected: [{ index: 0, reason: 'x' }],
    });
    expect(readImportAnswer({ accepted: [1, 2], duplicates: 4, rejects: [] })).toEqual({ accepted: 2, unchanged: 4, rejected: [] });
    expect(readImportAnswer({})).toEqual({ accepted: 0, unchanged: 0, rejected: [] });
  });
});
