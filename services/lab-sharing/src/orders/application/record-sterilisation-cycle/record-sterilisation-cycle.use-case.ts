import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { OrderError } from '../../domain/order-error';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationStep } from '../sterilisation-step';
import { type RecordSterilisationCycleCommand } from './record-sterilisation-cycle.command';

/**
 * RecordCycle: by the centre's host institution, on a received batch; a cycle that failed its indicators keeps
 * the batch at the centre, on record. A cycle is recorded once it has run, so not after now.
 */
@Injectable()
export class RecordSterilisationCycleUseCase {
  constructor(private readonly step: SterilisationStep) {}

  execute(
    identity: Identity,
    command: RecordSterilisationCycleCommand,
    now = new Date(),
  ): Promise<SterilisationBatchSnapshot> {
    if (command.cycle.at.getTime() > now.getTime()) {
      throw OrderError.invalidData([
        { field: 'cycle.at', reason: 'IN_THE_FUTURE', description: 'a cycle is recorded once it has run' },
      ]);
    }
    return this.step.run(
      identity,
      'record-sterilisation-cycle',
      command,
      'centre',
      'sterilise this batch',
      (batch, institutionId) => batch.sterilise(command.cycle, institutionId),
    );
  }
}
