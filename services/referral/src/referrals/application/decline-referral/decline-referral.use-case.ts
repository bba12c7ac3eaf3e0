import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type DeclineReferralCommand } from './decline-referral.command';

const DECLINE: ReferralStepKind = { action: 'decline', side: 'receiving', verb: 'decline' };

/** DeclineReferral: the receiving hospital turns the referral down, with its reason for the referrer. */
@Injectable()
export class DeclineReferralUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: DeclineReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, DECLINE, { ...command, text: command.reason }, (referral, actor) =>
      referral.decline(actor, command.reason, now, { clientRequestId: command.clientRequestId }),
    );
  }
}
