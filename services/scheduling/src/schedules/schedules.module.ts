import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { SchedulingCommonModule } from '../common/scheduling-common.module';
import { CancelSessionsUseCase } from './application/cancel-sessions/cancel-sessions.use-case';
import { CreateScheduleTemplateUseCase } from './application/create-schedule-template/create-schedule-template.use-case';
import { GenerateSessionsUseCase } from './application/generate-sessions/generate-sessions.use-case';
import { GetReservePolicyUseCase } from './application/get-reserve-policy/get-reserve-policy.use-case';
import { GetSessionUseCase } from './application/get-session/get-session.use-case';
import { ListScheduleTemplatesUseCase } from './application/list-schedule-templates/list-schedule-templates.use-case';
import { MoveSessionUseCase } from './application/move-session/move-session.use-case';
import { ReleaseReserveUseCase } from './application/release-reserve/release-reserve.use-case';
import { SearchAvailabilityUseCase } from './application/search-availability/search-availability.use-case';
import { SetReservePolicyUseCase } from './application/set-reserve-policy/set-reserve-policy.use-case';
import { SetSessionCapacityUseCase } from './application/set-session-capacity/set-session-capacity.use-case';
import { ScheduleEventPublisher } from './domain/schedule-event-publisher';
import { ScheduleRepository } from './domain/schedule.repository';
import { ScheduleOutboxPublisher } from './infrastructure/messaging/schedule-outbox.publisher';
import { ScheduleTypeormRepository } from './infrastructure/persistence/schedule.typeorm-repository';
import { ReserveReleaseTimer } from './interface/timer/reserve-release.timer';

const USE_CASES = [
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
];

/**
 * The schedules context: templates, sessions and their seats. Its SessionBookings port is the
 * booking context's to implement; the service's module binds it (scheduling.module.ts).
 */
@Module({
  imports: [SchedulingCommonModule, CapacityModule],
  providers: [
    ...USE_CASES,
    ReserveReleaseTimer,
    { provide: ScheduleRepository, useClass: ScheduleTypeormRepository },
    { provide: ScheduleEventPublisher, useClass: ScheduleOutboxPublisher },
  ],
  // Bookings, holds and beds claim the sessions' seats.
  exports: [...USE_CASES, ScheduleRepository],
})
export class SchedulesModule {}
