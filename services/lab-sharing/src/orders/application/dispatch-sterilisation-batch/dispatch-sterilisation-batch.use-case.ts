import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationStep } from '../sterilisation-step';
import { type DispatchSterilisationBatchCommand } from './dispatch-sterilisation-batch.command';

/** DispatchBatch: the centre sends a sterilised batch back (by its host institution). */
@Injectable()
export class DispatchSterilisationBatchUseCase {
  constructor(private readonly step: SterilisationStep) {}

  execute(
    identity: Identity,
    command: DispatchSterilisationBatchCommand,
    now = new Date(),
  ): Promise<SterilisationBatchSnapshot> {
    return this.step.run(
      identity,
      'dispatch-sterilisation-batch',
      command,
      'centre',
      'dispatch this batch',
      (batch, institutionId) => batch.dispatch(institutionId, now),
    );
  }
}
