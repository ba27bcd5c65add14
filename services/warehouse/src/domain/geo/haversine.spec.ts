import { EARTH_RADIUS_KM, haversineKm, median } from './haversine';

describe('haversine distance', () => {
  it('is zero for one point and symmetric', () => {
    const saoPaulo = { latitude: -23.5505, longitude: -46.6333 };
    const rio = { latitude: -22.9068, longitude: -43.1729 };
    expect(haversineKm(saoPaulo, saoPaulo)).toBe(0);
    expect(haversineKm(saoPaulo, rio)).toBeCloseTo(haversineKm(rio, saoPaulo), 9);
    // São Paulo to Rio de Janeiro, centre to centre: about 361 km as the crow flies.
    expect(haversineKm(saoPaulo, rio)).toBeGreaterThan(355);
    expect(haversineKm(saoPaulo, rio)).toBeLessThan(365);
  });

  it('matches the arc length along a meridian and half the circumference for antipodes', () => {
    expect(haversineKm({ latitude: 0, longitude: -45 }, { latitude: 1, longitude: -45 })).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 180, 6);
    expect(haversineKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 2);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined();
    expect(median([3])).toBe(3);
    expect(median([5, -1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // An outlier sample (Olist has a few zip prefixes with points in Europe) does not move it.
    expect(median([-23.55, -23.56, -23.54, 41.2])).toBe(-23.545);
  });
});
