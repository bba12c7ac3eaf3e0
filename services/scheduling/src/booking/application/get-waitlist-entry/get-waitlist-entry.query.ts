import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  entryId: requestField.uuid(),
  purpose: z.string().default('waitlist look-up'),
});

/** GetWaitlistEntry: one place in a queue, an audited read of patient data. */
export class GetWaitlistEntryQuery {
  private constructor(
    /** Lower case. */
    readonly entryId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: z.input<typeof fields>): GetWaitlistEntryQuery {
    const { entryId, purpose } = parseFields(fields, input);
    return new GetWaitlistEntryQuery(entryId, purpose);
  }
}
