import { Global, Module } from '@nestjs/common';
import { BedsModule } from './beds/beds.module';
import { BookingsInSession } from './booking/application/bookings-in-session';
import { ReferralHolds } from './booking/application/referral-holds';
import { BookingModule } from './booking/booking.module';
import { CapacityModule } from './capacity/capacity.module';
import { SchedulingCommonModule } from './common/scheduling-common.module';
import { SagaReferralHolds } from './holds/application/saga-referral-holds';
import { HoldsModule } from './holds/holds.module';
import { ReportsModule } from './reports/reports.module';
import { SessionBookings } from './schedules/application/session-bookings';
import { SchedulesModule } from './schedules/schedules.module';

/**
 * The ports a lower context owns and a higher one implements: schedules' SessionBookings (booking's
 * BookingsInSession) and booking's ReferralHolds (holds' SagaReferralHolds). A lower module may not
 * import a higher one, so the bindings are global, made here where every context is known.
 */
@Global()
@Module({
  imports: [BookingModule, HoldsModule],
  providers: [
    { provide: SessionBookings, useExisting: BookingsInSession },
    { provide: ReferralHolds, useExisting: SagaReferralHolds },
  ],
  exports: [SessionBookings, ReferralHolds],
})
class PortsImplementedAbove {}

const CONTEXTS = [
  SchedulingCommonModule,
  CapacityModule,
  SchedulesModule,
  BookingModule,
  HoldsModule,
  BedsModule,
  ReportsModule,
];

/**
 * Schedules, slots, bookings, waitlists, beds and scheduling's side of the referral saga: one
 * module per context (lowest first), composed here; the adapters take their use cases from it.
 */
@Module({
  imports: [...CONTEXTS, PortsImplementedAbove],
  exports: CONTEXTS,
})
export class SchedulingModule {}
