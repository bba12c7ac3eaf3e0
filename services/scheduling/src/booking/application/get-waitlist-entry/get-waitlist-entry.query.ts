import { FieldChecks } from '@medgrid/errors';

/** GetWaitlistEntry: one place in a queue, an audited read of patient data. */
export class GetWaitlistEntryQuery {
  private constructor(
    /** Lower case. */
    readonly entryId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: { entryId: string; purpose?: string }): GetWaitlistEntryQuery {
    new FieldChecks().uuid('entryId', input.entryId).throwIfAny();
    return new GetWaitlistEntryQuery(input.entryId.toLowerCase(), input.purpose ?? 'waitlist look-up');
  }
}
