import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type CatalogueItem } from '../../domain/catalogue-item';
import { recognitionField } from '../recognition-fields';

export const LOAD_ITEMS_MAX = 2000;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: recognitionField.fromVersion(),
  // Each item is checked by the catalogue, which names every bad one (items[3].loinc).
  items: z
    .array(z.custom<CatalogueItem>())
    .max(LOAD_ITEMS_MAX, refusal('TOO_MANY', `at most ${LOAD_ITEMS_MAX} items`)),
});

export type LoadCatalogueInput = z.input<typeof fields>;

/** LoadCatalogue: every item of a region's next catalogue version. */
export class LoadCatalogueCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case: a city id. */
    readonly regionId: string,
    readonly fromVersion: number,
    readonly items: readonly CatalogueItem[],
  ) {}

  static create(input: LoadCatalogueInput): LoadCatalogueCommand {
    const f = parseFields(fields, input);
    return new LoadCatalogueCommand(f.clientRequestId, f.regionId, f.fromVersion, f.items);
  }
}
