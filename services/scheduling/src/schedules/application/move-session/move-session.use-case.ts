import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { ScheduleError, ScheduleErrorCode } from '../../domain/schedule-error';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { SessionBookings } from '../session-bookings';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';
import { moveSession, requireDoctorFree } from '../../domain/session-move';
import { managedHospital } from '../../../common/managed-hospital';
import { type MoveSessionCommand } from './move-session.command';

export interface MoveSessionResult {
  readonly session: SessionView;
  readonly bookingsMoved: number;
}

/**
 * A doctor's exception on the schedule (停诊改期): one session goes to another
 * date or band. Its seats go with it, so every booking keeps its slot number;
 * each live booking (held or booked) is announced as moved with the session
 * where it now is, and the session as moved, in the same transaction.
 */
@Injectable()
export class MoveSessionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly sessionBookings: SessionBookings,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly events: ScheduleEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: MoveSessionCommand,
    now = new Date(),
  ): Promise<MoveSessionResult> {
    return this.uow.run(async () => {
      const session = await this.schedules.findSession(command.sessionId, true);
      if (!session) {
        throw new ScheduleError(ScheduleErrorCode.NotFound, 'no session with this id', 'sessionId');
      }
      await managedHospital(this.registry, identity, session.institutionId, 'sessionId');
      if (await this.requests.isRetry(clientRequestOf('move-session', command), session.id)) {
        // A retry gets the session as it is now and the bookings with it now. The first answer's
        // count is not stored; the live bookings are what the caller needs to tell patients about
        // (a booking cancelled since then was moved, but no longer counts). Nothing is announced again.
        return {
          session: (await this.schedules.viewSession(session.id))!,
          bookingsMoved: await this.sessionBookings.lockLive(session.id),
        };
      }
      const moved = moveSession(session, command, command.reason, now);
      if (moved.practitionerId) {
        requireDoctorFree(
          moved,
          await this.schedules.lockDoctorOverlaps({
            institutionId: moved.institutionId,
            practitionerId: moved.practitionerId,
            date: moved.date,
            startsAt: moved.startsAt,
            endsAt: moved.endsAt,
            exceptId: moved.id,
          }),
        );
      }
      // Bookings first, then seats, the order a patient's cancel takes them (no deadlock with it).
      // Locking the seats waits for claims in flight; moving the bookings reads them again and so
      // finds those claims too: no booking made meanwhile keeps the old time without being told.
      await this.sessionBookings.lockLive(session.id);
      await this.schedules.lockSeats(session.id);
      await this.schedules.saveSession(moved, session.version);
      const view = (await this.schedules.viewSession(session.id))!;
      const bookingsMoved = await this.sessionBookings.moveAll(session, moved, view, now);
      await this.events.sessionChanged('moved', view);
      return { session: view, bookingsMoved };
    });
  }
}
