import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type ReferralConfig } from '../config/referral.config';
import { CriteriaModule } from '../criteria/criteria.module';
import { CountReferralsUseCase } from './application/count-referrals/count-referrals.use-case';
import { CreateReferralUseCase } from './application/create-referral/create-referral.use-case';
import { IssueDownwardUseCase } from './application/issue-downward/issue-downward.use-case';
import { ReferralQueries } from './application/queries/referral-queries';
import { ReferralMetrics } from './application/referral-metrics';
import { ReferralRulesProvider } from './application/referral-rules';
import { ReferralStepsUseCase } from './application/referral-steps/referral-steps.use-case';
import { ReferralWriter } from './application/referral-writer';
import { RegistryFacts } from './application/registry-facts';
import { RecordSlotUseCase } from './application/saga/record-slot.use-case';
import { ReferralSweepsUseCase } from './application/sweeps/referral-sweeps.use-case';
import { ReferralEventPublisher } from './domain/referral-event-publisher';
import { ReferralRepository } from './domain/referral.repository';
import { ReferralOutboxPublisher } from './infrastructure/messaging/referral-outbox.publisher';
import { ReferralTypeormRepository } from './infrastructure/persistence/referral.typeorm-repository';
import { ReferralClockTimer } from './interface/timer/referral-clock.timer';
import { ReferralGaugesTimer } from './interface/timer/referral-gauges.timer';

const USE_CASES = [
  CountReferralsUseCase,
  CreateReferralUseCase,
  IssueDownwardUseCase,
  ReferralStepsUseCase,
  ReferralQueries,
  RecordSlotUseCase,
  ReferralSweepsUseCase,
];

/** The referrals context: upward and downward referrals, judged against the criteria catalogue. */
@Module({
  imports: [CriteriaModule],
  providers: [
    ...USE_CASES,
    AuditTrail,
    ClientRequests,
    ReferralWriter,
    ReferralMetrics,
    RegistryFacts,
    ReferralClockTimer,
    ReferralGaugesTimer,
    { provide: ReferralRepository, useClass: ReferralTypeormRepository },
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    { provide: ReferralEventPublisher, useClass: ReferralOutboxPublisher },
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
