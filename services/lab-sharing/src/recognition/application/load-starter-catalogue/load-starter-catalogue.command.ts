import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { recognitionField } from '../recognition-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: recognitionField.fromVersion(),
});

export type LoadStarterCatalogueInput = z.input<typeof fields>;

/** LoadStarterCatalogue: the platform's starter catalogue as a region's next version. */
export class LoadStarterCatalogueCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
  ) {}

  static create(input: LoadStarterCatalogueInput): LoadStarterCatalogueCommand {
    const f = parseFields(fields, input);
    return new LoadStarterCatalogueCommand(f.clientRequestId, f.regionId, f.fromVersion);
  }
}
