import { type CatalogueItem } from '../catalogue-item';
import { IMAGING_ITEMS } from './imaging-items';
import { LABORATORY_ITEMS } from './laboratory-items';
import { OTHER_ITEMS } from './other-items';

/**
 * What a region starts from: 200-odd laboratory and imaging items of a mutual-recognition list (the regional
 * recognition catalogues run to "200-odd items", docs/domain.md section 5), and the ECG, pathology and consultation
 * items the other centres take. A region's health commission reviews it and edits it through the API before real
 * use; every window and condition is a default, not a policy figure.
 */
export const STARTER_CATALOGUE: readonly CatalogueItem[] = [
  ...LABORATORY_ITEMS,
  ...IMAGING_ITEMS,
  ...OTHER_ITEMS,
];
