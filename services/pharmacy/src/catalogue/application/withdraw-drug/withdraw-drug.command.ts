import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  fromVersion: catalogueField.fromVersion(),
  code: catalogueField.drugCode(),
  effectiveFrom: catalogueField.instant(),
});

export type WithdrawDrugInput = z.input<typeof fields>;

/** WithdrawDrug: a drug out of the group's catalogue from an instant on. */
export class WithdrawDrugCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly fromVersion: number,
    /** Upper case. */
    readonly code: string,
    /** Undefined: now. */
    readonly effectiveFrom: Date | undefined,
  ) {}

  static create(input: WithdrawDrugInput): WithdrawDrugCommand {
    const f = parseFields(fields, input);
    return new WithdrawDrugCommand(f.clientRequestId, f.fromVersion, f.code, f.effectiveFrom);
  }
}
