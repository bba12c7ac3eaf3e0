import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type AcceptReferralCommand } from './accept-referral.command';

const ACCEPT: ReferralStepKind = { action: 'accept', side: 'receiving', verb: 'accept' };

/** AcceptReferral: the receiving hospital takes the referral (scheduling then holds a slot for it). */
@Injectable()
export class AcceptReferralUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: AcceptReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, ACCEPT, { ...command, text: command.note }, (referral, actor) =>
      referral.accept(actor, now, { note: command.note, clientRequestId: command.clientRequestId }),
    );
  }
}
