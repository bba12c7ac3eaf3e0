import { Test } from '@nestjs/testing';
import { UnitOfWork } from '@medgrid/database';
import { LOGGER } from '@medgrid/logging';
import { OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { Global, Module } from '@nestjs/common';
import { GetAdmissionUseCase } from './beds/application/get-admission/get-admission.use-case';
import { BookingsInSession } from './booking/application/bookings-in-session';
import { ClaimSlotUseCase } from './booking/application/claim-slot/claim-slot.use-case';
import { ReferralHolds } from './booking/application/referral-holds';
import { GetCityReserveFloorUseCase } from './capacity/application/get-city-reserve-floor/get-city-reserve-floor.use-case';
import { loadSchedulingConfig } from './config/scheduling.config';
import { HoldSlotForReferralUseCase } from './holds/application/hold-slot-for-referral/hold-slot-for-referral.use-case';
import { SagaReferralHolds } from './holds/application/saga-referral-holds';
import { GetDailyReportUseCase } from './reports/application/get-daily-report/get-daily-report.use-case';
import { SchedulingModule } from './scheduling.module';
import { MoveSessionUseCase } from './schedules/application/move-session/move-session.use-case';
import { SessionBookings } from './schedules/application/session-bookings';

/** What the platform provides every context (the database, the outbox, the logger, the config), as stand-ins. */
@Global()
@Module({
  providers: [
    { provide: UnitOfWork, useValue: {} },
    { provide: OutboxWriter, useValue: {} },
    { provide: LOGGER, useValue: {} },
    {
      provide: SERVICE_CONFIG,
      useValue: loadSchedulingConfig({
        DATABASE_URL: 'postgres://scheduling:unused@localhost:5432/scheduling',
        AUTH_PUBLIC_KEY_FILE: '/dev/null',
      }),
    },
  ],
  exports: [UnitOfWork, OutboxWriter, LOGGER, SERVICE_CONFIG],
})
class StandInPlatform {}

describe(SchedulingModule.name, () => {
  it('wires every context from its own module, with the ports a higher context implements', async () => {
    const sut = await Test.createTestingModule({ imports: [StandInPlatform, SchedulingModule] }).compile();

    for (const useCase of [
      GetCityReserveFloorUseCase,
      MoveSessionUseCase,
      ClaimSlotUseCase,
      HoldSlotForReferralUseCase,
      GetAdmissionUseCase,
      GetDailyReportUseCase,
    ]) {
      expect(sut.get(useCase)).toBeInstanceOf(useCase);
    }
    expect(sut.get(SessionBookings)).toBe(sut.get(BookingsInSession));
    expect(sut.get(ReferralHolds)).toBe(sut.get(SagaReferralHolds));
  });
});
