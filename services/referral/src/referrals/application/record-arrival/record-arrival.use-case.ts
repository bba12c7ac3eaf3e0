import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { type RecordArrivalCommand } from './record-arrival.command';

const ARRIVE: ReferralStepKind = { action: 'arrive', side: 'receiving', verb: 'record the arrival of' };

/** RecordArrival: the receiving institution records that the patient came. */
@Injectable()
export class RecordArrivalUseCase {
  constructor(private readonly step: ReferralStep) {}

  execute(identity: Identity, command: RecordArrivalCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, ARRIVE, { ...command, text: command.note }, (referral, actor) =>
      referral.arrive(actor, now, { note: command.note, clientRequestId: command.clientRequestId }),
    );
  }
}
