import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type AcknowledgeReferralCommand } from './acknowledge-referral.command';

const RECEIVE: ReferralStepKind = { action: 'receive', side: 'receiving', verb: 'acknowledge' };

/** AcknowledgeReferral: the primary institution acknowledges a downward referral it received. */
@Injectable()
export class AcknowledgeReferralUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(
    identity: Identity,
    command: AcknowledgeReferralCommand,
    now = new Date(),
  ): Promise<ReferralSnapshot> {
    return this.step.run(identity, RECEIVE, { ...command, text: command.note }, (referral, actor) =>
      referral.receive(actor, now, { note: command.note, clientRequestId: command.clientRequestId }),
    );
  }
}
