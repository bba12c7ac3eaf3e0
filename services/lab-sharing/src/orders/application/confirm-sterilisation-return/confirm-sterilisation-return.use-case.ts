import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationStep } from '../sterilisation-step';
import { type ConfirmSterilisationReturnCommand } from './confirm-sterilisation-return.command';

/** ConfirmReturn: the sending site has its instruments back. */
@Injectable()
export class ConfirmSterilisationReturnUseCase {
  constructor(private readonly step: SterilisationStep) {}

  execute(
    identity: Identity,
    command: ConfirmSterilisationReturnCommand,
    now = new Date(),
  ): Promise<SterilisationBatchSnapshot> {
    return this.step.run(
      identity,
      'confirm-sterilisation-return',
      command,
      'sender',
      'confirm the return of this batch',
      (batch, institutionId) => batch.confirmReturn(institutionId, now),
    );
  }
}
