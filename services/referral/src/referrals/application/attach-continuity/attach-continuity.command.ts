import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  referralId: requestField.uuid(),
  assessedAt: z.date(),
  assessment: z.record(z.string(), z.unknown()),
});

export type AttachContinuityInput = z.input<typeof fields>;

/** AttachContinuity: pharmacy's assessment of a downward referral's medication list, as pharmacy announced it. */
export class AttachContinuityCommand {
  private constructor(
    readonly referralId: string,
    readonly assessedAt: Date,
    readonly assessment: Readonly<Record<string, unknown>>,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: AttachContinuityInput): AttachContinuityCommand {
    const c = parseFields(fields, input);
    return new AttachContinuityCommand(c.referralId, c.assessedAt, c.assessment);
  }
}
