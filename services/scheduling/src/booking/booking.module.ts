import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@medgrid/service';
import { SchedulingCommonModule } from '../common/scheduling-common.module';
import { type SchedulingConfig } from '../config/scheduling.config';
import { SchedulesModule } from '../schedules/schedules.module';
import { BookingRulesProvider } from './application/booking-rules';
import { BookingStep } from './application/booking-step';
import { BookingsInSession } from './application/bookings-in-session';
import { CancelBookingUseCase } from './application/cancel-booking/cancel-booking.use-case';
import { ClaimSlotUseCase } from './application/claim-slot/claim-slot.use-case';
import { ConfirmBookingUseCase } from './application/confirm-booking/confirm-booking.use-case';
import { ExpireHoldsUseCase } from './application/expire-holds/expire-holds.use-case';
import { GetBookingUseCase } from './application/get-booking/get-booking.use-case';
import { GetWaitlistEntryUseCase } from './application/get-waitlist-entry/get-waitlist-entry.use-case';
import { JoinWaitlistUseCase } from './application/join-waitlist/join-waitlist.use-case';
import { LeaveWaitlistUseCase } from './application/leave-waitlist/leave-waitlist.use-case';
import { ReserveEligibilityCheck } from './application/reserve-eligibility';
import { SeatKeeper } from './application/seat-keeper';
import { BookingEventPublisher } from './domain/booking-event-publisher';
import { BookingRepository } from './domain/booking.repository';
import { BookingOutboxPublisher } from './infrastructure/messaging/booking-outbox.publisher';
import { BookingTypeormRepository } from './infrastructure/persistence/booking.typeorm-repository';
import { HoldExpiryTimer } from './interface/timer/hold-expiry.timer';

const USE_CASES = [
  ClaimSlotUseCase,
  ConfirmBookingUseCase,
  CancelBookingUseCase,
  ExpireHoldsUseCase,
  JoinWaitlistUseCase,
  LeaveWaitlistUseCase,
  GetBookingUseCase,
  GetWaitlistEntryUseCase,
];

/**
 * The booking context: slot claims, bookings and waitlists. It implements schedules'
 * SessionBookings (BookingsInSession); its ReferralHolds port is the holds context's to implement.
 * The service's module binds both (scheduling.module.ts).
 */
@Module({
  imports: [SchedulingCommonModule, SchedulesModule],
  providers: [
    ...USE_CASES,
    SeatKeeper,
    BookingStep,
    BookingsInSession,
    ReserveEligibilityCheck,
    HoldExpiryTimer,
    { provide: BookingRepository, useClass: BookingTypeormRepository },
    { provide: BookingEventPublisher, useClass: BookingOutboxPublisher },
    {
      provide: BookingRulesProvider,
      useFactory: (config: SchedulingConfig): BookingRulesProvider => ({
        rules: {
          holdDefaultMinutes: config.HOLD_DEFAULT_MINUTES,
          waitlistOfferMinutes: config.WAITLIST_OFFER_MINUTES,
        },
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  // The referral saga claims seats and waitlist places the way a booking does.
  exports: [...USE_CASES, BookingsInSession, BookingRepository, BookingEventPublisher, SeatKeeper],
})
export class BookingModule {}
