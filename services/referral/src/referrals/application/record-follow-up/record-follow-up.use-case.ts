import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type RecordFollowUpCommand } from './record-follow-up.command';

const RECORD_FOLLOW_UP: ReferralStepKind = {
  action: 'record-follow-up',
  side: 'receiving',
  verb: 'record a follow-up of',
};

/** RecordFollowUp: the primary institution records a follow-up of a downward referral, with its findings. */
@Injectable()
export class RecordFollowUpUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: RecordFollowUpCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(
      identity,
      RECORD_FOLLOW_UP,
      { ...command, text: command.findings },
      (referral, actor) =>
        referral.recordFollowUp(actor, command.findings, now, { clientRequestId: command.clientRequestId }),
    );
  }
}
