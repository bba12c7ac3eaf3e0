import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type CancelReferralCommand } from './cancel-referral.command';

const CANCEL: ReferralStepKind = { action: 'cancel', side: 'referring', verb: 'cancel' };

/** CancelReferral: the referrer withdraws the referral, with its reason. */
@Injectable()
export class CancelReferralUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: CancelReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, CANCEL, { ...command, text: command.reason }, (referral, actor) =>
      referral.cancel(actor, command.reason, now, { clientRequestId: command.clientRequestId }),
    );
  }
}
