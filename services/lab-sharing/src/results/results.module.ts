import { Module } from '@nestjs/common';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { GetResultFhirUseCase } from './application/get-result-fhir/get-result-fhir.use-case';
import { GetResultUseCase } from './application/get-result/get-result.use-case';
import { KeepReferralPassUseCase } from './application/keep-referral-pass/keep-referral-pass.use-case';
import { ListPatientResultsUseCase } from './application/list-patient-results/list-patient-results.use-case';
import { MarkResultEnteredInErrorUseCase } from './application/mark-result-entered-in-error/mark-result-entered-in-error.use-case';
import { PerformerLookup } from './application/performer-lookup';
import { RecordResultUseCase } from './application/record-result/record-result.use-case';
import { RecordedRecognisableResults } from './application/recorded-recognisable-results';
import { ReferralGrants } from './application/referral-grants';
import { RegistrySignedResults } from './application/registry-signed-results';
import { ResultReads } from './application/result-reads';
import { ReferralPassRepository } from './domain/referral-pass.repository';
import { ResultEventPublisher } from './domain/result-event-publisher';
import { ResultRecordRepository } from './domain/result-record.repository';
import { ResultOutboxPublisher } from './infrastructure/messaging/result-outbox.publisher';
import { ReferralPassTypeormRepository } from './infrastructure/persistence/referral-pass.typeorm-repository';
import { ResultRecordTypeormRepository } from './infrastructure/persistence/result-record.typeorm-repository';

const USE_CASES = [
  RecordResultUseCase,
  MarkResultEnteredInErrorUseCase,
  GetResultUseCase,
  ListPatientResultsUseCase,
  GetResultFhirUseCase,
  KeepReferralPassUseCase,
];

/**
 * The result registry: results recorded from signed reports (RegistrySignedResults, reporting's SignedResults)
 * and from partners, read with authorisation, masking and audit, and answered to recognition's look-ups
 * (RecordedRecognisableResults, recognition's RecognisableResults); lab-sharing.module.ts binds both ports.
 */
@Module({
  imports: [LabSharingCommonModule],
  providers: [
    ...USE_CASES,
    PerformerLookup,
    ResultReads,
    ReferralGrants,
    RecordedRecognisableResults,
    RegistrySignedResults,
    { provide: ResultRecordRepository, useClass: ResultRecordTypeormRepository },
    { provide: ReferralPassRepository, useClass: ReferralPassTypeormRepository },
    { provide: ResultEventPublisher, useClass: ResultOutboxPublisher },
  ],
  exports: [...USE_CASES, RecordedRecognisableResults, RegistrySignedResults],
})
export class ResultsModule {}
