import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  afterSeq: z
    .number()
    .refine((seq) => Number.isSafeInteger(seq) && seq >= 0, refusal('OUT_OF_RANGE', 'must be 0 or more')),
  'x-purpose': requestField.purpose(),
});

export type WatchReferralsInput = z.input<typeof fields>;

/** WatchReferrals: the changes the caller may see, from a history position on (0: from now). */
export class WatchReferralsQuery {
  private constructor(
    readonly afterSeq: number,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: WatchReferralsInput): WatchReferralsQuery {
    const { afterSeq, 'x-purpose': purpose } = parseFields(fields, input);
    return new WatchReferralsQuery(afterSeq, purpose);
  }
}
