import { checkRecord, OLIST_CUSTOMER_SHAPE, OLIST_REVIEW_SHAPE, recordSchema, type RecordShape } from './flat-record';

function joiFields(shape: RecordShape, value: unknown): (string | null)[] {
  const { error } = recordSchema(shape).validate(value, { abortEarly: false, convert: false });
  return (error?.details ?? []).map((detail) => (detail.path.length === 0 ? null : detail.path.join('.')));
}

const customer = {
  customer_id: '06b8999e2fba1a1fbc88172c00ba8bc7',
  customer_unique_id: '861eff4711a542e4b93843c6dd7febb0',
  customer_zip_code_prefix: '14409',
  customer_city: 'franca',
  customer_state: 'SP',
};
const review = {
  review_id: '7bc2406110b926393aa56f80a40eba40',
  order_id: '73fc7af87114b39712e6da79b0a377eb',
  review_score: '4',
  review_comment_title: '',
  review_comment_message: 'Chegou\r\nbem',
  review_creation_date: '2018-01-18 00:00:00',
  review_answer_timestamp: '2018-01-18 21:46:59',
};

const samples: [string, RecordShape, unknown][] = [
  ['a customer row', OLIST_CUSTOMER_SHAPE, customer],
  ['a review row', OLIST_REVIEW_SHAPE, review],
  ['a review with nulls and a numeric score', OLIST_REVIEW_SHAPE, { ...review, review_score: 5, review_comment_title: null, review_answer_timestamp: null }],
  ['not an object', OLIST_CUSTOMER_SHAPE, 'row'],
  ['an array', OLIST_CUSTOMER_SHAPE, [customer]],
  ['ids off the pattern', OLIST_CUSTOMER_SHAPE, { ...customer, customer_id: 'a b', customer_unique_id: 7 }],
  ['missing fields', OLIST_CUSTOMER_SHAPE, { customer_id: customer.customer_id }],
  ['a zip prefix as a number', OLIST_CUSTOMER_SHAPE, { ...customer, customer_zip_code_prefix: 14409 }],
  ['an unknown column', OLIST_CUSTOMER_SHAPE, { ...customer, customer_country: 'BR' }],
  ['a score that is not a whole number', OLIST_REVIEW_SHAPE, { ...review, review_score: '4.5' }],
  ['a negative score', OLIST_REVIEW_SHAPE, { ...review, review_score: -1 }],
  ['a title too long', OLIST_REVIEW_SHAPE, { ...review, review_comment_title: 'x'.repeat(501) }],
  ['a message too long', OLIST_REVIEW_SHAPE, { ...review, review_comment_message: 'x'.repeat(5001) }],
  ['a required time missing', OLIST_REVIEW_SHAPE, { ...review, review_creation_date: undefined }],
];

describe('checkRecord', () => {
  it.each(samples)('gives the documented schema’s verdict: %s', (_, shape, value) => {
    expect(checkRecord(shape, value).map((fault) => fault.field).sort()).toEqual(joiFields(shape, value).sort());
  });

  it('says what is wrong', () => {
    expect(checkRecord(OLIST_REVIEW_SHAPE, { ...review, review_id: 'a b', review_score: 'x', review_comment_title: 'x'.repeat(501), extra: 1 })).toEqual([
      { field: 'review_id', reason: 'fails to match the id pattern' },
      { field: 'review_score', reason: 'must be a whole number (or its digits as text)' },
      { field: 'review_comment_title', reason: 'must be at most 500 characters' },
      { field: 'extra', reason: 'is not allowed' },
    ]);
  });
});
