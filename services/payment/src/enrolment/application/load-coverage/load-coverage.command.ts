import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type EnrolmentRow } from '../../domain/enrolment-roll';

export const ROLL_ROWS_MAX = 10_000;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  // Each row is checked by the roll, which names every bad one (rows[12].residentId).
  rows: z
    .array(z.custom<EnrolmentRow>())
    .min(1, refusal('REQUIRED', 'a roll has at least one row'))
    .max(ROLL_ROWS_MAX, refusal('TOO_MANY', `at most ${ROLL_ROWS_MAX} rows a load`)),
});

export type LoadCoverageInput = z.input<typeof fields>;

/** LoadCoverage: an insurer's roll, every row of it. */
export class LoadCoverageCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly rows: readonly EnrolmentRow[],
  ) {}

  static create(input: LoadCoverageInput): LoadCoverageCommand {
    const f = parseFields(fields, input);
    return new LoadCoverageCommand(f.clientRequestId, f.rows);
  }
}
