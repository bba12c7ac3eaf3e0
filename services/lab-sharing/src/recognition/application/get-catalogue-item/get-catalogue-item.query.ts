import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { recognitionField } from '../recognition-fields';

const fields = z.object({
  regionId: requestField.uuid(),
  itemCode: recognitionField.itemCode(),
});

export type GetCatalogueItemInput = z.input<typeof fields>;

/** GetCatalogueItem: one item of a region's catalogue. */
export class GetCatalogueItemQuery {
  private constructor(
    readonly regionId: string,
    readonly itemCode: string,
  ) {}

  static create(input: GetCatalogueItemInput): GetCatalogueItemQuery {
    const f = parseFields(fields, input);
    return new GetCatalogueItemQuery(f.regionId, f.itemCode);
  }
}
