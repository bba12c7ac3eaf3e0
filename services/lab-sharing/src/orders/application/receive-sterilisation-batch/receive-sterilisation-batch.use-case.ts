import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationStep } from '../sterilisation-step';
import { type ReceiveSterilisationBatchCommand } from './receive-sterilisation-batch.command';

/** ReceiveBatch: the centre has the batch (by its host institution). */
@Injectable()
export class ReceiveSterilisationBatchUseCase {
  constructor(private readonly step: SterilisationStep) {}

  execute(
    identity: Identity,
    command: ReceiveSterilisationBatchCommand,
    now = new Date(),
  ): Promise<SterilisationBatchSnapshot> {
    return this.step.run(
      identity,
      'receive-sterilisation-batch',
      command,
      'centre',
      'receive this batch',
      (batch, institutionId) => batch.receive(institutionId, now),
    );
  }
}
