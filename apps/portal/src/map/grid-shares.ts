import { type Grid } from '../api/portal-types';

/** What the map colours a grid by: a share against its target, or nothing measured yet. */
export interface GridShare {
  gridId: string;
  /** The grid's code, the key of its outline in the bundled GeoJSON. */
  code: string;
  name: string;
  shareBp: number | null;
  referrals: number;
}

export type GridBand = 'met' | 'below' | 'no-data';

/** A grid's band against the target: the map's three colours. */
export function bandOf(shareBp: number | null, targetBp: number): GridBand {
  if (shareBp === null) return 'no-data';
  return shareBp >= targetBp ? 'met' : 'below';
}

/**
 * The grids the map draws: those the registry has and the bundled outlines know, matched by code. A grid without
 * an outline is left off the map (the unit table below it still lists it).
 */
export function gridsOnMap(grids: readonly Grid[], outlineCodes: ReadonlySet<string>): Grid[] {
  return grids.filter((grid) => outlineCodes.has(grid.code));
}
