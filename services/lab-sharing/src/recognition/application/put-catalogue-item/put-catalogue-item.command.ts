import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type CatalogueItem } from '../../domain/catalogue-item';
import { recognitionField } from '../recognition-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: recognitionField.fromVersion(),
  // The catalogue checks the item and names each bad field (item.recognition.validityDays).
  item: requestField.present<CatalogueItem>('the item to add or replace'),
});

export type PutCatalogueItemInput = z.input<typeof fields>;

/** PutCatalogueItem: an item added to a region's catalogue, or replacing the item of its code. */
export class PutCatalogueItemCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly item: CatalogueItem,
  ) {}

  static create(input: PutCatalogueItemInput): PutCatalogueItemCommand {
    const f = parseFields(fields, input);
    return new PutCatalogueItemCommand(f.clientRequestId, f.regionId, f.fromVersion, f.item);
  }
}
