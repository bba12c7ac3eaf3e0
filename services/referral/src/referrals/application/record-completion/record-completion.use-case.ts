import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type RecordCompletionCommand } from './record-completion.command';

const COMPLETE: ReferralStepKind = {
  action: 'complete',
  side: 'receiving',
  verb: 'record the completion of',
};

/** RecordCompletion: the receiving institution records the referred visit done (the 48-hour rule ends here). */
@Injectable()
export class RecordCompletionUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: RecordCompletionCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, COMPLETE, { ...command, text: command.note }, (referral, actor) =>
      referral.complete(actor, now, { note: command.note, clientRequestId: command.clientRequestId }),
    );
  }
}
