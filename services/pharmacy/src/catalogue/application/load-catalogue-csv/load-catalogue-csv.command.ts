import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type CatalogueRow } from '../../domain/catalogue-rows';
import { catalogueRowsOf } from '../catalogue-csv';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  fromVersion: catalogueField.fromVersion(),
  effectiveFrom: catalogueField.instant(),
});

export interface LoadCatalogueCsvInput extends z.input<typeof fields> {
  readonly content: Buffer;
}

/** LoadDrugCatalogueCsv: a CSV file of drugs, read into its rows, for the group's catalogue from an instant on. */
export class LoadCatalogueCsvCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly fromVersion: number,
    /** Undefined: now. */
    readonly effectiveFrom: Date | undefined,
    /** Each with its line in the file; the cells are judged row by row on load. */
    readonly rows: readonly CatalogueRow[],
  ) {}

  static create(input: LoadCatalogueCsvInput): LoadCatalogueCsvCommand {
    const f = parseFields(fields, input);
    return new LoadCatalogueCsvCommand(
      f.clientRequestId,
      f.fromVersion,
      f.effectiveFrom,
      catalogueRowsOf(input.content),
    );
  }
}
