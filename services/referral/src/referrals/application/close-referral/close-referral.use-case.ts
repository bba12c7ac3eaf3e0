import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type CloseReferralCommand } from './close-referral.command';

const CLOSE: ReferralStepKind = { action: 'close', side: 'receiving', verb: 'close' };

/** CloseReferral: the receiving institution closes a downward referral. */
@Injectable()
export class CloseReferralUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: CloseReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, CLOSE, { ...command, text: command.note }, (referral, actor) =>
      referral.close(actor, now, { note: command.note, clientRequestId: command.clientRequestId }),
    );
  }
}
