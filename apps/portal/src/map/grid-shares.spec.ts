import { describe, expect, it } from 'vitest';
import outlines from './demo-city-grids.geo.json';
import { bandOf, gridsOnMap } from './grid-shares';

describe('the grid map', () => {
  it('bands a share against its target, and nothing measured as no data', () => {
    expect(bandOf(7000, 7000)).toBe('met');
    expect(bandOf(6999, 7000)).toBe('below');
    expect(bandOf(null, 7000)).toBe('no-data');
  });

  it('draws the grids whose outline it carries, by code', () => {
    const codes = new Set(outlines.features.map((f) => f.properties.gridCode));
    const grids = [
      { id: 'a', cityId: 'c', code: 'GZ-440112', name: '黄埔区网格' },
      { id: 'b', cityId: 'c', code: 'SZ-440300', name: '深圳' },
    ];
    expect(gridsOnMap(grids, codes).map((g) => g.id)).toEqual(['a']);
  });

  it("bundles a closed outline for each of the demo city's grids", () => {
    expect(outlines.features.map((f) => f.properties.gridCode).sort()).toEqual([
      'GZ-440106',
      'GZ-440111',
      'GZ-440112',
      'GZ-440113',
      'GZ-440114',
    ]);
    for (const feature of outlines.features) {
      const ring = feature.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
});
