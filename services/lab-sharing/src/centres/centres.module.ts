import { Global, Module } from '@nestjs/common';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { AddServedInstitutionUseCase } from './application/add-served-institution/add-served-institution.use-case';
import { CentreInstitutions } from './application/centre-institutions';
import { CentreReads } from './application/centre-reads';
import { CentreStep } from './application/centre-step';
import { CloseCentreUseCase } from './application/close-centre/close-centre.use-case';
import { GetCentreUseCase } from './application/get-centre/get-centre.use-case';
import { GetLabQualityUseCase } from './application/get-lab-quality/get-lab-quality.use-case';
import { ListCentreReportersUseCase } from './application/list-centre-reporters/list-centre-reporters.use-case';
import { ListCentresUseCase } from './application/list-centres/list-centres.use-case';
import { RecordLabQualityUseCase } from './application/record-lab-quality/record-lab-quality.use-case';
import { RegisterCentreUseCase } from './application/register-centre/register-centre.use-case';
import { RemoveServedInstitutionUseCase } from './application/remove-served-institution/remove-served-institution.use-case';
import { CentreEventPublisher } from './domain/centre-event-publisher';
import { LabQualityRepository } from './domain/lab-quality.repository';
import { SharedCentreRepository } from './domain/shared-centre.repository';
import { CentreOutboxPublisher } from './infrastructure/messaging/centre-outbox.publisher';
import { LabQualityTypeormRepository } from './infrastructure/persistence/lab-quality.typeorm-repository';
import { SharedCentreTypeormRepository } from './infrastructure/persistence/shared-centre.typeorm-repository';

const USE_CASES = [
  RegisterCentreUseCase,
  AddServedInstitutionUseCase,
  RemoveServedInstitutionUseCase,
  CloseCentreUseCase,
  GetCentreUseCase,
  ListCentresUseCase,
  ListCentreReportersUseCase,
  RecordLabQualityUseCase,
  GetLabQualityUseCase,
];

/**
 * The centres context: a group's shared centres, who reports for them and the performing institutions'
 * quality records. The contexts above read centres through SharedCentreRepository (orders) and quality
 * through LabQualityRepository (recognition's look-up): global, so their modules need not import this one.
 */
@Global()
@Module({
  imports: [LabSharingCommonModule],
  providers: [
    ...USE_CASES,
    CentreStep,
    CentreReads,
    CentreInstitutions,
    { provide: SharedCentreRepository, useClass: SharedCentreTypeormRepository },
    { provide: LabQualityRepository, useClass: LabQualityTypeormRepository },
    { provide: CentreEventPublisher, useClass: CentreOutboxPublisher },
  ],
  exports: [...USE_CASES, SharedCentreRepository, LabQualityRepository, CentreInstitutions],
})
export class CentresModule {}
