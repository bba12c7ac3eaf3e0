import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { SERVICE_CONFIG } from '@medgrid/service';
import { AdmissionStep } from './beds/application/admission-step';
import { AssignBedUseCase } from './beds/application/assign-bed/assign-bed.use-case';
import { CancelAdmissionUseCase } from './beds/application/cancel-admission/cancel-admission.use-case';
import { DischargePatientUseCase } from './beds/application/discharge-patient/discharge-patient.use-case';
import { GetAdmissionUseCase } from './beds/application/get-admission/get-admission.use-case';
import { GetWardUseCase } from './beds/application/get-ward/get-ward.use-case';
import { ListAdmissionsUseCase } from './beds/application/list-admissions/list-admissions.use-case';
import { RegisterWardUseCase } from './beds/application/register-ward/register-ward.use-case';
import { RequestAdmissionUseCase } from './beds/application/request-admission/request-admission.use-case';
import { BedEventPublisher } from './beds/domain/bed-event-publisher';
import { BedRepository } from './beds/domain/bed.repository';
import { BedOutboxPublisher } from './beds/infrastructure/messaging/bed-outbox.publisher';
import { BedTypeormRepository } from './beds/infrastructure/persistence/bed.typeorm-repository';
import { BookingRulesProvider } from './booking/application/booking-rules';
import { BookingStep } from './booking/application/booking-step';
import { BookingsInSession } from './booking/application/bookings-in-session';
import { CancelBookingUseCase } from './booking/application/cancel-booking/cancel-booking.use-case';
import { ClaimSlotUseCase } from './booking/application/claim-slot/claim-slot.use-case';
import { ConfirmBookingUseCase } from './booking/application/confirm-booking/confirm-booking.use-case';
import { ExpireHoldsUseCase } from './booking/application/expire-holds/expire-holds.use-case';
import { GetBookingUseCase } from './booking/application/get-booking/get-booking.use-case';
import { GetWaitlistEntryUseCase } from './booking/application/get-waitlist-entry/get-waitlist-entry.use-case';
import { JoinWaitlistUseCase } from './booking/application/join-waitlist/join-waitlist.use-case';
import { LeaveWaitlistUseCase } from './booking/application/leave-waitlist/leave-waitlist.use-case';
import { ReferralHolds } from './booking/application/referral-holds';
import { ReserveEligibilityCheck } from './booking/application/reserve-eligibility';
import { SeatKeeper } from './booking/application/seat-keeper';
import { BookingEventPublisher } from './booking/domain/booking-event-publisher';
import { BookingRepository } from './booking/domain/booking.repository';
import { BookingOutboxPublisher } from './booking/infrastructure/messaging/booking-outbox.publisher';
import { BookingTypeormRepository } from './booking/infrastructure/persistence/booking.typeorm-repository';
import { HoldExpiryTimer } from './booking/interface/timer/hold-expiry.timer';
import { GetCityReserveFloorUseCase } from './capacity/application/get-city-reserve-floor/get-city-reserve-floor.use-case';
import { HospitalReserveRules } from './capacity/application/hospital-reserve-rules';
import { ReserveRulesProvider } from './capacity/application/reserve-rules';
import { SetCityReserveFloorUseCase } from './capacity/application/set-city-reserve-floor/set-city-reserve-floor.use-case';
import { CityReserveFloorRepository } from './capacity/domain/city-reserve-floor.repository';
import { ReservePolicyRepository } from './capacity/domain/reserve-policy.repository';
import { CityReserveFloorTypeormRepository } from './capacity/infrastructure/persistence/city-reserve-floor.typeorm-repository';
import { type SchedulingConfig } from './config/scheduling.config';
import { GetSlotHoldRequestUseCase } from './holds/application/get-slot-hold-request/get-slot-hold-request.use-case';
import { HoldRulesProvider } from './holds/application/hold-rules';
import { HoldSlotForReferralUseCase } from './holds/application/hold-slot-for-referral/hold-slot-for-referral.use-case';
import { ReleaseReferralHoldUseCase } from './holds/application/release-referral-hold/release-referral-hold.use-case';
import { RequestSlotHoldUseCase } from './holds/application/request-slot-hold/request-slot-hold.use-case';
import { SagaReferralHolds } from './holds/application/saga-referral-holds';
import { HoldEventPublisher } from './holds/domain/hold-event-publisher';
import { SlotHoldRequestRepository } from './holds/domain/slot-hold-request.repository';
import { HoldOutboxPublisher } from './holds/infrastructure/messaging/hold-outbox.publisher';
import { SlotHoldRequestTypeormRepository } from './holds/infrastructure/persistence/slot-hold-request.typeorm-repository';
import { DailyReportFigures } from './reports/application/daily-report-figures';
import { GetDailyReportUseCase } from './reports/application/get-daily-report/get-daily-report.use-case';
import { ReportEveryHospitalUseCase } from './reports/application/report-every-hospital/report-every-hospital.use-case';
import { ReportRepository } from './reports/domain/report.repository';
import { ReportTypeormRepository } from './reports/infrastructure/persistence/report.typeorm-repository';
import { ReportGaugesTimer } from './reports/interface/timer/report-gauges.timer';
import { CancelSessionsUseCase } from './schedules/application/cancel-sessions/cancel-sessions.use-case';
import { CreateScheduleTemplateUseCase } from './schedules/application/create-schedule-template/create-schedule-template.use-case';
import { GenerateSessionsUseCase } from './schedules/application/generate-sessions/generate-sessions.use-case';
import { GetReservePolicyUseCase } from './schedules/application/get-reserve-policy/get-reserve-policy.use-case';
import { GetSessionUseCase } from './schedules/application/get-session/get-session.use-case';
import { ListScheduleTemplatesUseCase } from './schedules/application/list-schedule-templates/list-schedule-templates.use-case';
import { MoveSessionUseCase } from './schedules/application/move-session/move-session.use-case';
import { ReleaseReserveUseCase } from './schedules/application/release-reserve/release-reserve.use-case';
import { SearchAvailabilityUseCase } from './schedules/application/search-availability/search-availability.use-case';
import { SessionBookings } from './schedules/application/session-bookings';
import { SetReservePolicyUseCase } from './schedules/application/set-reserve-policy/set-reserve-policy.use-case';
import { SetSessionCapacityUseCase } from './schedules/application/set-session-capacity/set-session-capacity.use-case';
import { ScheduleEventPublisher } from './schedules/domain/schedule-event-publisher';
import { ScheduleRepository } from './schedules/domain/schedule.repository';
import { ScheduleOutboxPublisher } from './schedules/infrastructure/messaging/schedule-outbox.publisher';
import { ScheduleTypeormRepository } from './schedules/infrastructure/persistence/schedule.typeorm-repository';
import { ReserveReleaseTimer } from './schedules/interface/timer/reserve-release.timer';

/** One use case per operation, by context (lowest first); the adapters take them from here. */
const USE_CASES = [
  // capacity
  SetCityReserveFloorUseCase,
  GetCityReserveFloorUseCase,
  // schedules
  GetReservePolicyUseCase,
  SetReservePolicyUseCase,
  CreateScheduleTemplateUseCase,
  ListScheduleTemplatesUseCase,
  GenerateSessionsUseCase,
  CancelSessionsUseCase,
  MoveSessionUseCase,
  SetSessionCapacityUseCase,
  GetSessionUseCase,
  SearchAvailabilityUseCase,
  ReleaseReserveUseCase,
  // booking
  ClaimSlotUseCase,
  ConfirmBookingUseCase,
  CancelBookingUseCase,
  ExpireHoldsUseCase,
  JoinWaitlistUseCase,
  LeaveWaitlistUseCase,
  GetBookingUseCase,
  GetWaitlistEntryUseCase,
  // holds
  RequestSlotHoldUseCase,
  HoldSlotForReferralUseCase,
  ReleaseReferralHoldUseCase,
  GetSlotHoldRequestUseCase,
  // beds
  RegisterWardUseCase,
  GetWardUseCase,
  RequestAdmissionUseCase,
  AssignBedUseCase,
  DischargePatientUseCase,
  CancelAdmissionUseCase,
  GetAdmissionUseCase,
  ListAdmissionsUseCase,
  // reports
  GetDailyReportUseCase,
  ReportEveryHospitalUseCase,
];

/**
 * Schedules, slots, bookings, waitlists, beds and scheduling's side of the
 * referral saga. Every context's ports are bound here, including the two a
 * lower context owns and a higher one implements (SessionBookings, ReferralHolds).
 */
@Module({
  providers: [
    ...USE_CASES,
    AuditTrail,
    ClientRequests,
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    // capacity
    HospitalReserveRules,
    { provide: CityReserveFloorRepository, useClass: CityReserveFloorTypeormRepository },
    // The schedules repository keeps the policies too (reserve_policy beside the sessions it splits).
    { provide: ReservePolicyRepository, useExisting: ScheduleRepository },
    {
      provide: ReserveRulesProvider,
      useFactory: (config: SchedulingConfig): ReserveRulesProvider => ({
        rules: {
          slotFloor: config.SLOT_RESERVE_FLOOR,
          bedFloor: config.BED_RESERVE_FLOOR,
          releaseLeadHours: config.RESERVE_RELEASE_LEAD_HOURS,
        },
      }),
      inject: [SERVICE_CONFIG],
    },
    // schedules
    ReserveReleaseTimer,
    { provide: ScheduleRepository, useClass: ScheduleTypeormRepository },
    { provide: ScheduleEventPublisher, useClass: ScheduleOutboxPublisher },
    { provide: SessionBookings, useClass: BookingsInSession },
    // booking
    SeatKeeper,
    BookingStep,
    ReserveEligibilityCheck,
    HoldExpiryTimer,
    { provide: BookingRepository, useClass: BookingTypeormRepository },
    { provide: BookingEventPublisher, useClass: BookingOutboxPublisher },
    { provide: ReferralHolds, useClass: SagaReferralHolds },
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
    // holds
    { provide: SlotHoldRequestRepository, useClass: SlotHoldRequestTypeormRepository },
    { provide: HoldEventPublisher, useClass: HoldOutboxPublisher },
    {
      provide: HoldRulesProvider,
      useFactory: (config: SchedulingConfig): HoldRulesProvider => ({
        rules: { referralSearchDays: config.REFERRAL_SEARCH_DAYS },
      }),
      inject: [SERVICE_CONFIG],
    },
    // beds
    AdmissionStep,
    { provide: BedRepository, useClass: BedTypeormRepository },
    { provide: BedEventPublisher, useClass: BedOutboxPublisher },
    // reports
    DailyReportFigures,
    ReportGaugesTimer,
    { provide: ReportRepository, useClass: ReportTypeormRepository },
  ],
  exports: [...USE_CASES, RegistryView],
})
export class SchedulingModule {}
