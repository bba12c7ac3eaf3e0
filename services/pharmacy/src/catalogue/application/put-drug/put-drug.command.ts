import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type Drug } from '../../domain/drug';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  fromVersion: catalogueField.fromVersion(),
  // The catalogue checks the drug and names each bad field (drug.unifiedPriceFen).
  drug: requestField.present<Drug>('the drug to list or change'),
  effectiveFrom: catalogueField.instant(),
});

export type PutDrugInput = z.input<typeof fields>;

/** PutDrug: a drug listed, or a new version of the drug of its code, from an instant on. */
export class PutDrugCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly fromVersion: number,
    readonly drug: Drug,
    /** Undefined: now. */
    readonly effectiveFrom: Date | undefined,
  ) {}

  static create(input: PutDrugInput): PutDrugCommand {
    const f = parseFields(fields, input);
    return new PutDrugCommand(f.clientRequestId, f.fromVersion, f.drug, f.effectiveFrom);
  }
}
