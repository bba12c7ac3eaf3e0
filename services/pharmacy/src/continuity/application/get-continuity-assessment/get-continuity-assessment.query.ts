import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  referralId: requestField.uuid(),
  'x-purpose': requestField.purpose(),
});

export type GetContinuityAssessmentInput = z.input<typeof fields>;

/** GetContinuityAssessment: a downward referral's continuity assessment, read for a stated purpose. */
export class GetContinuityAssessmentQuery {
  private constructor(
    /** Lower case. */
    readonly referralId: string,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GetContinuityAssessmentInput): GetContinuityAssessmentQuery {
    const { referralId, 'x-purpose': purpose } = parseFields(fields, input);
    return new GetContinuityAssessmentQuery(referralId, purpose);
  }
}
