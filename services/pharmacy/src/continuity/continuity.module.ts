import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { FormularyModule } from '../formulary/formulary.module';
import { PrescribingModule } from '../prescribing/prescribing.module';
import { AssessContinuityUseCase } from './application/assess-continuity/assess-continuity.use-case';
import { GetContinuityAssessmentUseCase } from './application/get-continuity-assessment/get-continuity-assessment.use-case';
import { ContinuityAssessmentRepository } from './domain/continuity-assessment.repository';
import { ContinuityEventPublisher } from './domain/continuity-event-publisher';
import { ContinuityOutboxPublisher } from './infrastructure/messaging/continuity-outbox.publisher';
import { ContinuityAssessmentTypeormRepository } from './infrastructure/persistence/continuity-assessment.typeorm-repository';

/** The continuity context: a downward referral's medication list assessed at the receiving institution. */
@Module({
  imports: [PharmacyCommonModule, CatalogueModule, FormularyModule, PrescribingModule],
  providers: [
    AssessContinuityUseCase,
    GetContinuityAssessmentUseCase,
    { provide: ContinuityAssessmentRepository, useClass: ContinuityAssessmentTypeormRepository },
    { provide: ContinuityEventPublisher, useClass: ContinuityOutboxPublisher },
  ],
  exports: [AssessContinuityUseCase, GetContinuityAssessmentUseCase],
})
export class ContinuityModule {}
