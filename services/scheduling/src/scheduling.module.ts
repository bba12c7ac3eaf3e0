import { DailyReportFigures } from './reports/application/daily-report-figures';
import { GetDailyReportUseCase } from './reports/application/get-daily-report/get-daily-report.use-case';
import { ReportEveryHospitalUseCase } from './reports/application/report-every-hospital/report-every-hospital.use-case';
import { ReportRepository } from './reports/domain/report.repository';
import { ReportTypeormRepository } from './reports/infrastructure/persistence/report.typeorm-repository';
import { ReportGaugesTimer } from './reports/interface/timer/report-gauges.timer';
import { Module } from '@nestjs/common';
import { AdmissionQueries } from './beds/application/admission-queries';
import { AdmissionStep } from './beds/application/admission-step';
import { AssignBedUseCase } from './beds/application/assign-bed/assign-bed.use-case';
import { CancelAdmissionUseCase } from './beds/application/cancel-admission/cancel-admission.use-case';
import { DischargePatientUseCase } from './beds/application/discharge-patient/discharge-patient.use-case';
import { GetWardUseCase } from './beds/application/get-ward/get-ward.use-case';
import { RegisterWardUseCase } from './beds/application/register-ward/register-ward.use-case';
import { RequestAdmissionUseCase } from './beds/application/request-admission/request-admission.use-case';
import { HospitalReserveRules } from './capacity/application/hospital-reserve-rules';
import { GetCityReserveFloorUseCase } from './capacity/application/get-city-reserve-floor/get-city-reserve-floor.use-case';
import { SetCityReserveFloorUseCase } from './capacity/application/set-city-reserve-floor/set-city-reserve-floor.use-case';
import { CityReserveFloorRepository } from './capacity/domain/city-reserve-floor.repository';
import { ReservePolicyRepository } from './capacity/domain/reserve-policy.repository';
import { CityReserveFloorTypeormRepository } from './capacity/infrastructure/persistence/city-reserve-floor.typeorm-repository';
import { BedRepository } from './beds/domain/bed.repository';
import { BedTypeormRepository } from './beds/infrastructure/persistence/bed.typeorm-repository';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { SERVICE_CONFIG } from '@medgrid/service';
import { GetBookingUseCase } from './booking/application/get-booking/get-booking.use-case';
import { GetWaitlistEntryUseCase } from './booking/application/get-waitlist-entry/get-waitlist-entry.use-case';
import { BookingStep } from './booking/application/booking-step';
import { CancelBookingUseCase } from './booking/application/cancel-booking/cancel-booking.use-case';
import { ConfirmBookingUseCase } from './booking/application/confirm-booking/confirm-booking.use-case';
import { ClaimSlotUseCase } from './booking/application/claim-slot/claim-slot.use-case';
import { ExpireHoldsUseCase } from './booking/application/expire-holds/expire-holds.use-case';
import { ReserveEligibilityCheck } from './booking/application/reserve-eligibility';
import { SeatKeeper } from './booking/application/seat-keeper';
import { JoinWaitlistUseCase } from './booking/application/join-waitlist/join-waitlist.use-case';
import { LeaveWaitlistUseCase } from './booking/application/leave-waitlist/leave-waitlist.use-case';
import { BookingRepository } from './booking/domain/booking.repository';
import { BookingTypeormRepository } from './booking/infrastructure/persistence/booking.typeorm-repository';
import { HoldExpiryTimer } from './booking/interface/timer/hold-expiry.timer';
import { ReserveReleaseTimer } from './schedules/interface/timer/reserve-release.timer';
import { type SchedulingConfig } from './config/scheduling.config';
import { GetSlotHoldRequestUseCase } from './holds/application/get-slot-hold-request/get-slot-hold-request.use-case';
import { HoldSlotForReferralUseCase } from './holds/application/hold-slot-for-referral/hold-slot-for-referral.use-case';
import { ReleaseReferralHoldUseCase } from './holds/application/release-referral-hold/release-referral-hold.use-case';
import { RequestSlotHoldUseCase } from './holds/application/request-slot-hold/request-slot-hold.use-case';
import { SlotHoldRequestRepository } from './holds/domain/slot-hold-request.repository';
import { SlotHoldRequestTypeormRepository } from './holds/infrastructure/persistence/slot-hold-request.typeorm-repository';
import { RegistryView, RegistryViewSqlRepository } from '@medgrid/registry-view';
import { MoveSessionUseCase } from './schedules/application/move-session/move-session.use-case';
import { CancelSessionsUseCase } from './schedules/application/cancel-sessions/cancel-sessions.use-case';
import { CreateScheduleTemplateUseCase } from './schedules/application/create-schedule-template/create-schedule-template.use-case';
import { GenerateSessionsUseCase } from './schedules/application/generate-sessions/generate-sessions.use-case';
import { GetReservePolicyUseCase } from './schedules/application/get-reserve-policy/get-reserve-policy.use-case';
import { ListScheduleTemplatesUseCase } from './schedules/application/list-schedule-templates/list-schedule-templates.use-case';
import { SetReservePolicyUseCase } from './schedules/application/set-reserve-policy/set-reserve-policy.use-case';
import { SetSessionCapacityUseCase } from './schedules/application/set-session-capacity/set-session-capacity.use-case';
import { GetSessionUseCase } from './schedules/application/get-session/get-session.use-case';
import { SearchAvailabilityUseCase } from './schedules/application/search-availability/search-availability.use-case';
import { ReleaseReserveUseCase } from './schedules/application/release-reserve/release-reserve.use-case';
import { ScheduleRepository } from './schedules/domain/schedule.repository';
import { ScheduleTypeormRepository } from './schedules/infrastructure/persistence/schedule.typeorm-repository';
import { SchedulingOutboxPublisher } from './shared/messaging/scheduling-outbox.publisher';
import { SchedulingEvents } from './shared/scheduling-events';
import { SchedulingRulesProvider, type SchedulingRules } from './shared/scheduling-rules';

const USE_CASES = [
  ClaimSlotUseCase,
  ConfirmBookingUseCase,
  CancelBookingUseCase,
  ExpireHoldsUseCase,
  JoinWaitlistUseCase,
  LeaveWaitlistUseCase,
  GetBookingUseCase,
  GetWaitlistEntryUseCase,
  GetReservePolicyUseCase,
  SetReservePolicyUseCase,
  CreateScheduleTemplateUseCase,
  ListScheduleTemplatesUseCase,
  GenerateSessionsUseCase,
  CancelSessionsUseCase,
  SetSessionCapacityUseCase,
  GetSessionUseCase,
  SearchAvailabilityUseCase,
  ReleaseReserveUseCase,
  RequestSlotHoldUseCase,
  HoldSlotForReferralUseCase,
  ReleaseReferralHoldUseCase,
  GetSlotHoldRequestUseCase,
  GetDailyReportUseCase,
  ReportEveryHospitalUseCase,
  RegisterWardUseCase,
  GetWardUseCase,
  RequestAdmissionUseCase,
  AssignBedUseCase,
  DischargePatientUseCase,
  CancelAdmissionUseCase,
  AdmissionQueries,
  MoveSessionUseCase,
  SetCityReserveFloorUseCase,
  GetCityReserveFloorUseCase,
];

/** Schedules, slots, bookings, waitlists and scheduling's side of the referral saga. */
@Module({
  providers: [
    ...USE_CASES,
    SeatKeeper,
    BookingStep,
    AdmissionStep,
    HospitalReserveRules,
    ReserveEligibilityCheck,
    DailyReportFigures,
    HoldExpiryTimer,
    ReserveReleaseTimer,
    ReportGaugesTimer,
    AuditTrail,
    ClientRequests,
    { provide: BookingRepository, useClass: BookingTypeormRepository },
    { provide: ScheduleRepository, useClass: ScheduleTypeormRepository },
    // The schedules repository keeps the policies too (reserve_policy beside the sessions it splits).
    { provide: ReservePolicyRepository, useExisting: ScheduleRepository },
    { provide: SlotHoldRequestRepository, useClass: SlotHoldRequestTypeormRepository },
    { provide: RegistryView, useClass: RegistryViewSqlRepository },
    { provide: ReportRepository, useClass: ReportTypeormRepository },
    { provide: BedRepository, useClass: BedTypeormRepository },
    { provide: CityReserveFloorRepository, useClass: CityReserveFloorTypeormRepository },
    { provide: SchedulingEvents, useClass: SchedulingOutboxPublisher },
    {
      provide: SchedulingRulesProvider,
      useFactory: (config: SchedulingConfig): SchedulingRulesProvider => {
        const rules: SchedulingRules = {
          slotFloor: config.SLOT_RESERVE_FLOOR,
          bedFloor: config.BED_RESERVE_FLOOR,
          releaseLeadHours: config.RESERVE_RELEASE_LEAD_HOURS,
          holdDefaultMinutes: config.HOLD_DEFAULT_MINUTES,
          waitlistOfferMinutes: config.WAITLIST_OFFER_MINUTES,
          referralSearchDays: config.REFERRAL_SEARCH_DAYS,
        };
        return { rules };
      },
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [...USE_CASES, RegistryView],
})
export class SchedulingModule {}
