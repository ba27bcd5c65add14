import { chunk, chunkBySize, groupInOrder, uniqueBy } from './batches';

describe('chunk', () => {
  it('splits into consecutive chunks of at most the size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
    expect(chunk([], 3)).toEqual([]);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow('chunk size must be a positive integer, got 0');
  });
});

describe('chunkBySize', () => {
  it('closes a chunk before it would exceed the byte limit', () => {
    expect(chunkBySize(['aa', 'bb', 'cc', 'd'], 5, (s) => s.length)).toEqual([['aa', 'bb'], ['cc', 'd']]);
  });

  it('gives an item larger than the limit a chunk of its own', () => {
    expect(chunkBySize(['a', 'huge!!', 'b'], 3, (s) => s.length)).toEqual([['a'], ['huge!!'], ['b']]);
  });

  it('returns no chunk for no items and rejects a limit that is not positive', () => {
    expect(chunkBySize([], 10, () => 1)).toEqual([]);
    expect(() => chunkBySize([1], 0, () => 1)).toThrow('maxBytes must be positive, got 0');
  });
});

describe('groupInOrder', () => {
  it('keeps first-seen key order and the order inside each group', () => {
    const groups = groupInOrder(
      [
        { topic: 'b', n: 1 },
        { topic: 'a', n: 2 },
        { topic: 'b', n: 3 },
        { topic: 'a', n: 4 },
      ],
      (m) => m.topic,
    );
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((m) => m.n)).toEqual([1, 3]);
    expect(groups.get('a')!.map((m) => m.n)).toEqual([2, 4]);
  });
});

describe('uniqueBy', () => {
  it('keeps the first item of each id, in order', () => {
    expect(uniqueBy([{ id: 'x', n: 1 }, { id: 'y', n: 2 }, { id: 'x', n: 3 }], (i) => i.id)).toEqual([
      { id: 'x', n: 1 },
      { id: 'y', n: 2 },
    ]);
  });
});
