import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { recognitionField } from '../recognition-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: recognitionField.fromVersion(),
  itemCode: recognitionField.itemCode(),
});

export type RemoveCatalogueItemInput = z.input<typeof fields>;

/** RemoveCatalogueItem: an item taken out of a region's catalogue. */
export class RemoveCatalogueItemCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    /** Upper case. */
    readonly itemCode: string,
  ) {}

  static create(input: RemoveCatalogueItemInput): RemoveCatalogueItemCommand {
    const f = parseFields(fields, input);
    return new RemoveCatalogueItemCommand(f.clientRequestId, f.regionId, f.fromVersion, f.itemCode);
  }
}
