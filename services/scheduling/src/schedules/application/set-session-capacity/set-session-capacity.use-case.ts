import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { managedHospital } from '../../../common/managed-hospital';
import { ScheduleError, ScheduleErrorCode } from '../../domain/schedule-error';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { SessionBookings } from '../session-bookings';
import { isReleaseDue } from '../../domain/reserve-release';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { reservedOfferedAfterResize, resizedSplit } from '../../domain/session-capacity';
import { type SetSessionCapacityCommand } from './set-session-capacity.command';

/**
 * SetSessionCapacity: a session still to come gets more or fewer slots, split
 * by the share in force on its date (taken seats stay); freed public seats go
 * to its waitlist at once.
 */
@Injectable()
export class SetSessionCapacityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly sessionBookings: SessionBookings,
    private readonly events: ScheduleEventPublisher,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async execute(
    identity: Identity,
    command: SetSessionCapacityCommand,
    now = new Date(),
  ): Promise<SessionView> {
    return this.uow.run(async () => {
      const session = await this.schedules.findSession(command.sessionId, true);
      if (!session)
        throw new ScheduleError(ScheduleErrorCode.NotFound, 'no session with this id', 'sessionId');
      const hospital = await managedHospital(this.registry, identity, session.institutionId);
      if (await this.requests.isRetry(clientRequestOf('set-capacity', command), session.id)) {
        return (await this.schedules.viewSession(session.id))!;
      }
      if (session.status !== 'open' || now >= session.endsAt) {
        throw new ScheduleError(
          ScheduleErrorCode.SessionClosed,
          `the session is ${session.status === 'open' ? 'over' : session.status}`,
          'sessionId',
        );
      }
      const policy = (await this.reserves.of(hospital)).shareOn(session.date);
      const counts = await this.schedules.lockSeats(session.id);
      const reserveReleased = isReleaseDue(session.startsAt, session.releaseLeadHours, now);
      const split = resizedSplit(counts, command.capacity, policy.slotRatio, reserveReleased);
      await this.schedules.resizeSeats(session.id, split);
      const resized: SessionSnapshot = {
        ...session,
        capacity: command.capacity,
        reservedOffered: reservedOfferedAfterResize(session.reservedOffered, split, reserveReleased),
        version: session.version + 1,
      };
      await this.schedules.saveSession(resized, session.version);
      await this.sessionBookings.offerToWaitlist(
        resized,
        await this.schedules.freePublicSeats(session.id),
        now,
      );
      const view = (await this.schedules.viewSession(session.id))!;
      await this.events.sessionChanged('resized', view);
      return view;
    });
  }
}
