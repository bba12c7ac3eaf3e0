import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';

/** The steps a partner takes on an existing referral. */
export type ReferralStep =
  | 'submit'
  | 'accept'
  | 'decline'
  | 'cancel'
  | 'arrive'
  | 'complete'
  | 'receive'
  | 'record-follow-up'
  | 'close';

export interface ReferralStepInput {
  clientRequestId: string;
  id: string;
  note: string;
}

/** A validated step request: which referral, which retry-safe request, and the note it carries. */
export class ReferralStepCommand {
  private constructor(
    readonly identity: Identity,
    readonly step: ReferralStep,
    readonly clientRequestId: string,
    readonly id: string,
    readonly note: string,
  ) {}

  static create(identity: Identity, step: ReferralStep, input: ReferralStepInput): ReferralStepCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('id', input.id)
      .maxLength('note', input.note, 2000)
      .throwIfAny();
    return new ReferralStepCommand(
      identity,
      step,
      input.clientRequestId.toLowerCase(),
      input.id.toLowerCase(),
      input.note.trim(),
    );
  }
}
