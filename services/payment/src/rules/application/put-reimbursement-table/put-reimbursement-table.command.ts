import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type ReimbursementRule } from '../../domain/reimbursement-rule';
import { ruleField } from '../rule-fields';

export const TABLE_ROWS_MAX = 2000;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  // Each row is checked by the table, which names every bad one (rules[3].rateBp).
  rules: z
    .array(z.custom<ReimbursementRule>())
    .max(TABLE_ROWS_MAX, refusal('TOO_MANY', `at most ${TABLE_ROWS_MAX} rows`)),
});

export type PutReimbursementTableInput = z.input<typeof fields>;

/** PutReimbursementTable: every row of a region's next table version. */
export class PutReimbursementTableCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly rules: readonly ReimbursementRule[],
  ) {}

  static create(input: PutReimbursementTableInput): PutReimbursementTableCommand {
    const f = parseFields(fields, input);
    return new PutReimbursementTableCommand(f.clientRequestId, f.regionId, f.fromVersion, f.rules);
  }
}
