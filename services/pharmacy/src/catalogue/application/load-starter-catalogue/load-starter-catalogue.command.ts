import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  fromVersion: catalogueField.fromVersion(),
  effectiveFrom: catalogueField.instant(),
});

export type LoadStarterCatalogueInput = z.input<typeof fields>;

/** LoadStarterDrugCatalogue: the platform's starter catalogue into the group's, from an instant on. */
export class LoadStarterCatalogueCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly fromVersion: number,
    /** Undefined: now. */
    readonly effectiveFrom: Date | undefined,
  ) {}

  static create(input: LoadStarterCatalogueInput): LoadStarterCatalogueCommand {
    const f = parseFields(fields, input);
    return new LoadStarterCatalogueCommand(f.clientRequestId, f.fromVersion, f.effectiveFrom);
  }
}
