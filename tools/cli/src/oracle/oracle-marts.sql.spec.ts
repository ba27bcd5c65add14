import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../platform/repo-root';
import { WAREHOUSE_GEOLOCATION } from './oracle-marts.sql';

describe('WAREHOUSE_GEOLOCATION', () => {
  it("ignores the samples outside the bounding box docs/metrics.md gives dim_geolocation, and only those", () => {
    const metrics = readFileSync(path.join(repoRoot(), 'docs', 'metrics.md'), 'utf8').replace(/\s+/g, ' ');
    const match = /latitude (−?[\d.]+) to (−?[\d.]+), longitude (−?[\d.]+) to (−?[\d.]+), both ends included/.exec(metrics);
    expect(match).not.toBeNull();
    const [minLat, maxLat, minLng, maxLng] = match!.slice(1).map((n) => Number(n.replace('−', '-')));
    // A box narrower than the warehouse's left Recife's coastal samples (longitude −34.79…−34.5) without a point.
    expect(WAREHOUSE_GEOLOCATION.box).toEqual({ minLat, maxLat, minLng, maxLng });
    expect(WAREHOUSE_GEOLOCATION.representative).toBe('median');
    expect(WAREHOUSE_GEOLOCATION.places).toBe(6);
  });
});
