import { DEAD_LETTER_HEADERS, deadLetterHeaders, deadLetterMessage, MAX_DEAD_LETTER_ERROR_LENGTH, type DeadLetter } from './dead-letter';
import { headerText, type InboundMessage } from './message';

const at = new Date('2026-01-02T03:04:05.678Z');

function message(overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    topic: 'sales.order.v1',
    partition: 4,
    offset: '9007199254740993', // beyond 2^53: offsets stay strings
    key: Buffer.from('order-1'),
    value: Buffer.from('{not json'),
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', ce_type: Buffer.from('x.y.z') },
    ...overrides,
  };
}

describe('deadLetterHeaders', () => {
  it('keeps the original headers and adds the reason, the error and where the message came from', () => {
    const letter: DeadLetter = { message: message(), reason: 'unparseable', error: 'not JSON: Unexpected token n' };
    expect(deadLetterHeaders(letter, 'warehouse', at)).toEqual({
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      ce_type: Buffer.from('x.y.z'),
      'dlq-reason': 'unparseable',
      'dlq-error': 'not JSON: Unexpected token n',
      'dlq-original-topic': 'sales.order.v1',
      'dlq-original-partition': '4',
      'dlq-original-offset': '9007199254740993',
      'dlq-consumer': 'warehouse',
      'dlq-time': '2026-01-02T03:04:05.678Z',
    });
  });

  it('replaces the dlq-* headers of a replayed message instead of repeating them, and drops empty ones', () => {
    const replayed = message({
      headers: { 'dlq-reason': 'schema-violation', 'dlq-original-offset': '1', 'dlq-extra': 'old', gone: undefined, keep: ['a', 'b'] },
    });
    const headers = deadLetterHeaders({ message: replayed, reason: 'handler-rejected', error: 'no such order' }, 'sales', at);
    expect(headers[DEAD_LETTER_HEADERS.reason]).toBe('handler-rejected');
    expect(headers[DEAD_LETTER_HEADERS.originalOffset]).toBe('9007199254740993');
    expect(headers).not.toHaveProperty('dlq-extra');
    expect(headers).not.toHaveProperty('gone');
    expect(headers.keep).toEqual(['a', 'b']);
  });

  it('cuts a very long error text', () => {
    const error = 'x'.repeat(10_000);
    const text = deadLetterHeaders({ message: message(), reason: 'schema-violation', error }, 'c', at)['dlq-error'] as string;
    expect(text).toHaveLength(MAX_DEAD_LETTER_ERROR_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('deadLetterMessage', () => {
  it('carries the original key and value bytes untouched to the dead-letter topic', () => {
    const original = message();
    const sent = deadLetterMessage({ message: original, reason: 'unparseable', error: 'bad' }, 'c', at, (t) => `${t}.dlq`);
    expect(sent.topic).toBe('sales.order.v1.dlq');
    expect(sent.key).toBe(original.key);
    expect(sent.value).toBe(original.value);
    expect(headerText(sent.headers, 'dlq-consumer')).toBe('c');
  });
});

describe('headerText', () => {
  it('reads a header as text whether it is a string, bytes or repeated', () => {
    const headers = { a: 'text', b: Buffer.from('bytes'), c: [Buffer.from('first'), 'second'], d: undefined };
    expect(headerText(headers, 'a')).toBe('text');
    expect(headerText(headers, 'b')).toBe('bytes');
    expect(headerText(headers, 'c')).toBe('first');
    expect(headerText(headers, 'd')).toBeUndefined();
    expect(headerText(headers, 'missing')).toBeUndefined();
  });
});
