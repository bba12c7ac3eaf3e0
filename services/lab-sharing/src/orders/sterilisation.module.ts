import { Module } from '@nestjs/common';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { ConfirmSterilisationReturnUseCase } from './application/confirm-sterilisation-return/confirm-sterilisation-return.use-case';
import { DispatchSterilisationBatchUseCase } from './application/dispatch-sterilisation-batch/dispatch-sterilisation-batch.use-case';
import { GetSterilisationBatchUseCase } from './application/get-sterilisation-batch/get-sterilisation-batch.use-case';
import { ListSterilisationBatchesUseCase } from './application/list-sterilisation-batches/list-sterilisation-batches.use-case';
import { ReceiveSterilisationBatchUseCase } from './application/receive-sterilisation-batch/receive-sterilisation-batch.use-case';
import { RecordSterilisationCycleUseCase } from './application/record-sterilisation-cycle/record-sterilisation-cycle.use-case';
import { SendSterilisationBatchUseCase } from './application/send-sterilisation-batch/send-sterilisation-batch.use-case';
import { SterilisationStep } from './application/sterilisation-step';
import { SterilisationBatchRepository } from './domain/sterilisation-batch.repository';
import { SterilisationEventPublisher } from './domain/sterilisation-event-publisher';
import { SterilisationOutboxPublisher } from './infrastructure/messaging/sterilisation-outbox.publisher';
import { SterilisationBatchTypeormRepository } from './infrastructure/persistence/sterilisation-batch.typeorm-repository';

const USE_CASES = [
  SendSterilisationBatchUseCase,
  ReceiveSterilisationBatchUseCase,
  RecordSterilisationCycleUseCase,
  DispatchSterilisationBatchUseCase,
  ConfirmSterilisationReturnUseCase,
  GetSterilisationBatchUseCase,
  ListSterilisationBatchesUseCase,
];

/**
 * The orders context's sterilisation-supply flow: a site's instruments sent to the group's sterilisation centre
 * and back (the centre's orders are batches, not examinations). It reads centres through the global
 * SharedCentreRepository.
 */
@Module({
  imports: [LabSharingCommonModule],
  providers: [
    ...USE_CASES,
    SterilisationStep,
    { provide: SterilisationBatchRepository, useClass: SterilisationBatchTypeormRepository },
    { provide: SterilisationEventPublisher, useClass: SterilisationOutboxPublisher },
  ],
  exports: USE_CASES,
})
export class SterilisationModule {}
