import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@medgrid/service';
import { BookingModule } from '../booking/booking.module';
import { type SchedulingConfig } from '../config/scheduling.config';
import { SchedulesModule } from '../schedules/schedules.module';
import { GetSlotHoldRequestUseCase } from './application/get-slot-hold-request/get-slot-hold-request.use-case';
import { HoldRulesProvider } from './application/hold-rules';
import { HoldSlotForReferralUseCase } from './application/hold-slot-for-referral/hold-slot-for-referral.use-case';
import { ReleaseReferralHoldUseCase } from './application/release-referral-hold/release-referral-hold.use-case';
import { RequestSlotHoldUseCase } from './application/request-slot-hold/request-slot-hold.use-case';
import { SagaReferralHolds } from './application/saga-referral-holds';
import { HoldEventPublisher } from './domain/hold-event-publisher';
import { SlotHoldRequestRepository } from './domain/slot-hold-request.repository';
import { HoldOutboxPublisher } from './infrastructure/messaging/hold-outbox.publisher';
import { SlotHoldRequestTypeormRepository } from './infrastructure/persistence/slot-hold-request.typeorm-repository';

const USE_CASES = [
  RequestSlotHoldUseCase,
  HoldSlotForReferralUseCase,
  ReleaseReferralHoldUseCase,
  GetSlotHoldRequestUseCase,
];

/**
 * The holds context: scheduling's side of the referral saga. It implements booking's
 * ReferralHolds (SagaReferralHolds), which the service's module binds (scheduling.module.ts).
 */
@Module({
  imports: [SchedulesModule, BookingModule],
  providers: [
    ...USE_CASES,
    SagaReferralHolds,
    { provide: SlotHoldRequestRepository, useClass: SlotHoldRequestTypeormRepository },
    { provide: HoldEventPublisher, useClass: HoldOutboxPublisher },
    {
      provide: HoldRulesProvider,
      useFactory: (config: SchedulingConfig): HoldRulesProvider => ({
        rules: { referralSearchDays: config.REFERRAL_SEARCH_DAYS },
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  // A bed for a referral's patient asks what scheduling knows of the referral.
  exports: [...USE_CASES, SagaReferralHolds, SlotHoldRequestRepository],
})
export class HoldsModule {}
