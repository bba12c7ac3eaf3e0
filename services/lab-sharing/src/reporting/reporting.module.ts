import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@medgrid/service';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { type LabSharingConfig } from '../config/lab-sharing.config';
import { OrdersModule } from '../orders/orders.module';
import { AcknowledgeCriticalValueUseCase } from './application/acknowledge-critical-value/acknowledge-critical-value.use-case';
import { AmendReportUseCase } from './application/amend-report/amend-report.use-case';
import { ClaimReportUseCase } from './application/claim-report/claim-report.use-case';
import { CountOpenWorkUseCase } from './application/count-open-work/count-open-work.use-case';
import { EscalateCriticalValuesUseCase } from './application/escalate-critical-values/escalate-critical-values.use-case';
import { GetReportUseCase } from './application/get-report/get-report.use-case';
import { GetWorklistUseCase } from './application/get-worklist/get-worklist.use-case';
import { ListCriticalValuesUseCase } from './application/list-critical-values/list-critical-values.use-case';
import { RegistryPractitioners } from './application/registry-practitioners';
import { ReleaseIdleClaimsUseCase } from './application/release-idle-claims/release-idle-claims.use-case';
import { ReleaseReportUseCase } from './application/release-report/release-report.use-case';
import { ReportStep } from './application/report-step';
import { ReportingPractitioners } from './application/reporting-practitioners';
import { ReportingRules } from './application/reporting-rules';
import { ReportsOfOrders } from './application/reports-of-orders';
import { SaveDraftUseCase } from './application/save-draft/save-draft.use-case';
import { SignReportUseCase } from './application/sign-report/sign-report.use-case';
import { CriticalValueAlertRepository } from './domain/critical-value-alert.repository';
import { ReportRepository } from './domain/report.repository';
import { ReportingEventPublisher } from './domain/reporting-event-publisher';
import { ReportingOutboxPublisher } from './infrastructure/messaging/reporting-outbox.publisher';
import { CriticalValueAlertTypeormRepository } from './infrastructure/persistence/critical-value-alert.typeorm-repository';
import { ReportTypeormRepository } from './infrastructure/persistence/report.typeorm-repository';
import { CriticalValueEscalationTimer } from './interface/timer/critical-value-escalation.timer';
import { IdleClaimReleaseTimer } from './interface/timer/idle-claim-release.timer';
import { ReportingGaugesTimer } from './interface/timer/reporting-gauges.timer';

const USE_CASES = [
  GetWorklistUseCase,
  ClaimReportUseCase,
  ReleaseReportUseCase,
  SaveDraftUseCase,
  SignReportUseCase,
  AmendReportUseCase,
  GetReportUseCase,
  AcknowledgeCriticalValueUseCase,
  ListCriticalValuesUseCase,
  ReleaseIdleClaimsUseCase,
  EscalateCriticalValuesUseCase,
  CountOpenWorkUseCase,
];

/**
 * The reporting context: a centre's worklist, claims, drafts, signatures and amendments, and critical values.
 * It implements orders' OrderReporting (ReportsOfOrders, bound in lab-sharing.module.ts) and hands signed
 * versions to the result registry through SignedResults, which the results context implements and binds.
 */
@Module({
  imports: [LabSharingCommonModule, OrdersModule],
  providers: [
    ...USE_CASES,
    ReportStep,
    ReportsOfOrders,
    IdleClaimReleaseTimer,
    CriticalValueEscalationTimer,
    ReportingGaugesTimer,
    { provide: ReportRepository, useClass: ReportTypeormRepository },
    { provide: CriticalValueAlertRepository, useClass: CriticalValueAlertTypeormRepository },
    { provide: ReportingEventPublisher, useClass: ReportingOutboxPublisher },
    { provide: ReportingPractitioners, useClass: RegistryPractitioners },
    {
      provide: ReportingRules,
      useFactory: (config: LabSharingConfig): ReportingRules =>
        new ReportingRules(
          config.TURNAROUND_TARGETS,
          config.CLAIM_IDLE_SECONDS * 1000,
          config.CRITICAL_VALUE_ACK_SECONDS / 60,
        ),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [...USE_CASES, ReportsOfOrders, ReportRepository],
})
export class ReportingModule {}
