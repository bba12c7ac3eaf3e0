import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import {
  SterilisationBatch,
  type SterilisationBatchChanged,
  type SterilisationBatchSnapshot,
} from '../../domain/sterilisation-batch';
import { SterilisationBatchRepository } from '../../domain/sterilisation-batch.repository';
import { SterilisationEventPublisher } from '../../domain/sterilisation-event-publisher';
import { SterilisationAccess } from '../sterilisation-access.policy';
import { SterilisationStep } from '../sterilisation-step';
import { type SendSterilisationBatchCommand } from './send-sterilisation-batch.command';

/**
 * SendBatch: the sending site's staff or systems send a batch to a sterilisation-supply centre that serves the
 * site. A retry gets the batch the first attempt sent, as it is now.
 */
@Injectable()
export class SendSterilisationBatchUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly centres: SharedCentreRepository,
    private readonly batches: SterilisationBatchRepository,
    private readonly requests: ClientRequests,
    private readonly events: SterilisationEventPublisher,
    private readonly step: SterilisationStep,
  ) {}

  async execute(
    identity: Identity,
    command: SendSterilisationBatchCommand,
    now = new Date(),
  ): Promise<SterilisationBatchSnapshot> {
    const senderId = command.sendingInstitutionId ?? identity.institutionId;
    if (!senderId) {
      throw new OrderError(
        OrderErrorCode.InvalidData,
        'name the sending institution: the caller acts for none',
        'sendingInstitutionId',
      );
    }
    SterilisationAccess.require(
      SterilisationAccess.canActForSender(identity, senderId),
      'send this site’s instruments',
    );
    let events: SterilisationBatchChanged[] = [];
    const batch = await this.uow.run(() =>
      this.requests.createOnce(
        clientRequestOf('send-sterilisation-batch', { ...command, sendingInstitutionId: senderId }),
        {
          load: async (id) => (await this.batches.findById(id, false))?.snapshot() ?? null,
          create: async () => {
            const centre = await this.centres.findById(command.centreId);
            if (!centre) throw new OrderError(OrderErrorCode.NotFound, 'no centre with this id', 'centreId');
            const sent = SterilisationBatch.send(
              { id: uuidv7(), sendingInstitutionId: senderId, packages: command.packages },
              centre,
              now,
            );
            await this.batches.insert(sent);
            events = sent.pullEvents();
            await this.events.batchesChanged(events);
            return { id: sent.snapshot().id, result: sent.snapshot() };
          },
        },
      ),
    );
    this.step.count(events);
    return batch;
  }
}
