import { parseFields, requestField } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';
import { ruleField } from '../rule-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  effectiveFrom: requestField.matching(isLocalDate, {
    reason: 'INVALID_DATE',
    description: 'must be a date (YYYY-MM-DD)',
  }),
});

export type LoadStarterReimbursementTableInput = z.input<typeof fields>;

/** LoadStarterReimbursementTable: the platform's starter table as a region's next version, from a date. */
export class LoadStarterReimbursementTableCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly effectiveFrom: string,
  ) {}

  static create(input: LoadStarterReimbursementTableInput): LoadStarterReimbursementTableCommand {
    const f = parseFields(fields, input);
    return new LoadStarterReimbursementTableCommand(
      f.clientRequestId,
      f.regionId,
      f.fromVersion,
      f.effectiveFrom,
    );
  }
}
