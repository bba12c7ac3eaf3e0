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

/**
 * The request field that carries each step's text (a decline or cancel gives a
 * reason, a follow-up its findings, the rest a note): a violation names it.
 */
export const STEP_TEXT_FIELD: Record<ReferralStep, 'note' | 'reason' | 'findings'> = {
  submit: 'note',
  accept: 'note',
  decline: 'reason',
  cancel: 'reason',
  arrive: 'note',
  complete: 'note',
  receive: 'note',
  'record-follow-up': 'findings',
  close: 'note',
};

export interface ReferralStepInput {
  clientRequestId: string;
  id: string;
  /** The step's text, whichever request field it came in (STEP_TEXT_FIELD). */
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
      .maxLength(STEP_TEXT_FIELD[step], input.note, 2000)
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
