import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type ReferralConfig } from '../config/referral.config';
import { CriteriaModule } from '../criteria/criteria.module';
import { AcceptReferralUseCase } from './application/accept-referral/accept-referral.use-case';
import { AttachContinuityUseCase } from './application/attach-continuity/attach-continuity.use-case';
import { AcknowledgeReferralUseCase } from './application/acknowledge-referral/acknowledge-referral.use-case';
import { BreachDeadlinesUseCase } from './application/breach-deadlines/breach-deadlines.use-case';
import { CancelReferralUseCase } from './application/cancel-referral/cancel-referral.use-case';
import { CloseReferralUseCase } from './application/close-referral/close-referral.use-case';
import { CountReferralsUseCase } from './application/count-referrals/count-referrals.use-case';
import { CreateReferralUseCase } from './application/create-referral/create-referral.use-case';
import { DeclineReferralUseCase } from './application/decline-referral/decline-referral.use-case';
import { ExpireReferralsUseCase } from './application/expire-referrals/expire-referrals.use-case';
import { GetReferralUseCase } from './application/get-referral/get-referral.use-case';
import { IssueDownwardUseCase } from './application/issue-downward/issue-downward.use-case';
import { GetReferralStatisticsUseCase } from './application/get-referral-statistics/get-referral-statistics.use-case';
import { ListReferralsUseCase } from './application/list-referrals/list-referrals.use-case';
import { RecordArrivalUseCase } from './application/record-arrival/record-arrival.use-case';
import { RecordCompletionUseCase } from './application/record-completion/record-completion.use-case';
import { RecordFollowUpUseCase } from './application/record-follow-up/record-follow-up.use-case';
import { RecordSlotUseCase } from './application/record-slot/record-slot.use-case';
import { ReferralMetrics } from './application/referral-metrics';
import { ReferralRulesProvider } from './application/referral-rules';
import { ReferralStep } from './application/referral-step';
import { ReferralSweep } from './application/referral-sweep';
import { ReferralWriter } from './application/referral-writer';
import { RegistryFacts } from './application/registry-facts';
import { SubmitReferralUseCase } from './application/submit-referral/submit-referral.use-case';
import { ReferralChangeNotices } from './application/referral-change-notices';
import { WatchReferralsUseCase } from './application/watch-referrals/watch-referrals.use-case';
import { NewReferrals, StagedReferralEvents } from './application/new-referrals';
import { ReferralEventPublisher } from './domain/referral-event-publisher';
import { ReferralRepository } from './domain/referral.repository';
import { ReferralContinuityRepository } from './domain/referral-continuity.repository';
import { OutboxReferralChangeNotices } from './infrastructure/messaging/referral-changes.listener';
import { ReferralOutboxPublisher } from './infrastructure/messaging/referral-outbox.publisher';
import { ReferralTypeormRepository } from './infrastructure/persistence/referral.typeorm-repository';
import { ReferralContinuityTypeormRepository } from './infrastructure/persistence/referral-continuity.typeorm-repository';
import { ReferralClockTimer } from './interface/timer/referral-clock.timer';
import { ReferralGaugesTimer } from './interface/timer/referral-gauges.timer';

const USE_CASES = [
  CreateReferralUseCase,
  SubmitReferralUseCase,
  AcceptReferralUseCase,
  DeclineReferralUseCase,
  CancelReferralUseCase,
  RecordArrivalUseCase,
  RecordCompletionUseCase,
  IssueDownwardUseCase,
  AcknowledgeReferralUseCase,
  RecordFollowUpUseCase,
  CloseReferralUseCase,
  GetReferralUseCase,
  ListReferralsUseCase,
  GetReferralStatisticsUseCase,
  WatchReferralsUseCase,
  RecordSlotUseCase,
  AttachContinuityUseCase,
  BreachDeadlinesUseCase,
  ExpireReferralsUseCase,
  CountReferralsUseCase,
];

/** The referrals context: upward and downward referrals, judged against the criteria catalogue. */
@Module({
  imports: [CriteriaModule],
  providers: [
    ...USE_CASES,
    AuditTrail,
    ClientRequests,
    ReferralWriter,
    ReferralStep,
    ReferralSweep,
    ReferralMetrics,
    RegistryFacts,
    ReferralClockTimer,
    ReferralGaugesTimer,
    ReferralTypeormRepository,
    { provide: ReferralRepository, useExisting: ReferralTypeormRepository },
    { provide: NewReferrals, useExisting: ReferralTypeormRepository },
    { provide: ReferralContinuityRepository, useClass: ReferralContinuityTypeormRepository },
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    ReferralOutboxPublisher,
    { provide: ReferralEventPublisher, useExisting: ReferralOutboxPublisher },
    { provide: StagedReferralEvents, useExisting: ReferralOutboxPublisher },
    { provide: ReferralChangeNotices, useClass: OutboxReferralChangeNotices },
    {
      provide: ReferralRulesProvider,
      useFactory: (config: ReferralConfig): ReferralRulesProvider => ({
        rules: { deadlineHours: config.REFERRAL_DEADLINE_HOURS, expiryDays: config.REFERRAL_EXPIRY_DAYS },
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [...USE_CASES, RegistryView],
})
export class ReferralsModule {}
