import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  id: requestField.uuid(),
  'x-purpose': requestField.purpose(),
});

export type GetReferralInput = z.input<typeof fields>;

/** GetReferral: one referral with its history, read for a stated purpose. */
export class GetReferralQuery {
  private constructor(
    /** Lower case. */
    readonly id: string,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GetReferralInput): GetReferralQuery {
    const { id, 'x-purpose': purpose } = parseFields(fields, input);
    return new GetReferralQuery(id, purpose);
  }
}
