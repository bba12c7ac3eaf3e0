import { Global, Module } from '@nestjs/common';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { CatalogueEdit } from './application/catalogue-edit';
import { GetCatalogueItemUseCase } from './application/get-catalogue-item/get-catalogue-item.use-case';
import { GetCatalogueUseCase } from './application/get-catalogue/get-catalogue.use-case';
import { GetRecognitionStatisticsUseCase } from './application/get-recognition-statistics/get-recognition-statistics.use-case';
import { LoadCatalogueUseCase } from './application/load-catalogue/load-catalogue.use-case';
import { LoadStarterCatalogueUseCase } from './application/load-starter-catalogue/load-starter-catalogue.use-case';
import { LookUpResultsUseCase } from './application/look-up-results/look-up-results.use-case';
import { LookupDecision } from './application/lookup-decision';
import { OrderAnywayUseCase } from './application/order-anyway/order-anyway.use-case';
import { PutCatalogueItemUseCase } from './application/put-catalogue-item/put-catalogue-item.use-case';
import { RegionItems } from './application/region-items';
import { RemoveCatalogueItemUseCase } from './application/remove-catalogue-item/remove-catalogue-item.use-case';
import { ReuseResultUseCase } from './application/reuse-result/reuse-result.use-case';
import { TallyRecognitionUseCase } from './application/tally-recognition/tally-recognition.use-case';
import { RecognitionCatalogueRepository } from './domain/recognition-catalogue.repository';
import { RecognitionEventPublisher } from './domain/recognition-event-publisher';
import { RecognitionLookupRepository } from './domain/recognition-lookup.repository';
import { NewLookups } from './application/new-lookups';
import { RecognitionOutboxPublisher } from './infrastructure/messaging/recognition-outbox.publisher';
import { RecognitionCatalogueTypeormRepository } from './infrastructure/persistence/recognition-catalogue.typeorm-repository';
import { RecognitionLookupTypeormRepository } from './infrastructure/persistence/recognition-lookup.typeorm-repository';
import { RecognitionGaugesTimer } from './interface/timer/recognition-gauges.timer';

const USE_CASES = [
  LoadCatalogueUseCase,
  LoadStarterCatalogueUseCase,
  PutCatalogueItemUseCase,
  RemoveCatalogueItemUseCase,
  GetCatalogueUseCase,
  GetCatalogueItemUseCase,
  LookUpResultsUseCase,
  ReuseResultUseCase,
  OrderAnywayUseCase,
  GetRecognitionStatisticsUseCase,
  TallyRecognitionUseCase,
];

/**
 * The recognition context: the regions' catalogues, the "already done?" look-ups and their statistics. It owns
 * RecognisableResults, which the result registry implements (bound in lab-sharing.module.ts); orders read the
 * catalogues and look-ups through their repositories, global so their module need not import this one.
 */
@Global()
@Module({
  imports: [LabSharingCommonModule],
  providers: [
    ...USE_CASES,
    CatalogueEdit,
    LookupDecision,
    RegionItems,
    RecognitionGaugesTimer,
    { provide: RecognitionCatalogueRepository, useClass: RecognitionCatalogueTypeormRepository },
    RecognitionLookupTypeormRepository,
    { provide: RecognitionLookupRepository, useExisting: RecognitionLookupTypeormRepository },
    { provide: NewLookups, useExisting: RecognitionLookupTypeormRepository },
    { provide: RecognitionEventPublisher, useClass: RecognitionOutboxPublisher },
  ],
  exports: [...USE_CASES, RecognitionCatalogueRepository, RecognitionLookupRepository],
})
export class RecognitionModule {}
