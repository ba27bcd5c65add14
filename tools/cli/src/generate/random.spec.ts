import { Random, WeightedChoice, WeightedValues } from './random';

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.uint32());
}

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(42), 100)).not.toEqual(draws(new Random(43), 100));
    expect(draws(new Random(0), 4).every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32)).toBe(true);
  });

  it('forks independent streams deterministically', () => {
    const a = new Random(1);
    const b = new Random(1);
    expect(draws(a.fork(3), 10)).toEqual(draws(b.fork(3), 10));
    expect(draws(new Random(1).fork(3), 10)).not.toEqual(draws(new Random(1).fork(4), 10));
  });

  it('draws floats, integers and chances within their ranges and roughly uniformly', () => {
    const random = new Random(7);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const f = random.float();
      expect(f >= 0 && f < 1).toBe(true);
      counts[random.below(10)]!++;
    }
    expect(Math.min(...counts)).toBeGreaterThan(1_800);
    expect(Math.max(...counts)).toBeLessThan(2_200);
    const between = Array.from({ length: 1_000 }, () => random.between(3, 5));
    expect(new Set(between)).toEqual(new Set([3, 4, 5]));
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_800);
    expect(hits).toBeLessThan(3_200);
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
  });

  it('draws normal, log-normal and geometric values with the right centre', () => {
    const random = new Random(11);
    const normals = Array.from({ length: 20_000 }, () => random.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
    const logNormals = Array.from({ length: 10_001 }, () => random.logNormal(700, 1)).sort((a, b) => a - b);
    expect(logNormals[5_000]).toBeGreaterThan(650);
    expect(logNormals[5_000]).toBeLessThan(750);
    const geometric = Array.from({ length: 10_000 }, () => random.geometric(0.5));
    expect(Math.min(...geometric)).toBe(0);
    expect(geometric.reduce((s, x) => s + x, 0) / geometric.length).toBeCloseTo(1, 1);
  });

  it('makes 32-hex-character ids without repeats', () => {
    const random = new Random(5);
    const ids = Array.from({ length: 50_000 }, () => random.hexId());
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shuffles into a permutation', () => {
    const shuffled = new Random(9).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('WeightedChoice', () => {
  it('picks in proportion to the weights and never a zero weight', () => {
    const choice = new WeightedChoice([1, 0, 3]);
    const random = new Random(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8_000; i++) counts[choice.pick(random)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
    expect(choice.size).toBe(3);
    expect(
      new WeightedValues([
        ['x', 0],
        ['y', 1],
      ] as const).pick(random),
    ).toBe('y');
  });

  it('refuses negative, NaN or all-zero weights', () => {
    expect(() => new WeightedChoice([1, -1])).toThrow(/weight 1 is not a non-negative number/);
    expect(() => new WeightedChoice([Number.NaN])).toThrow(RangeError);
    expect(() => new WeightedChoice([0, 0])).toThrow(/must not all be zero/);
  });
});
