import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { managedHospital } from '../../../common/managed-hospital';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { SessionBookings } from '../session-bookings';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { type CancelSessionsCommand } from './cancel-sessions.command';

export interface CancelledSessions {
  readonly sessionsCancelled: number;
  readonly bookingsCancelled: number;
}

/**
 * CancelSessions (停诊): the sessions close with their reason, their seats go,
 * and every live booking in them is cancelled and announced, in one transaction.
 */
@Injectable()
export class CancelSessionsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly sessionBookings: SessionBookings,
    private readonly events: ScheduleEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: CancelSessionsCommand,
    now = new Date(),
  ): Promise<CancelledSessions> {
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      if (await this.requests.isRetry(clientRequestOf('cancel-sessions', command), hospital.id)) {
        return { sessionsCancelled: 0, bookingsCancelled: 0 };
      }
      const sessions = await this.schedules.lockSessionsBetween(
        hospital.id,
        command.practitionerId,
        command.fromDate,
        command.toDate,
      );
      let bookingsCancelled = 0;
      for (const session of sessions) {
        const cancelled: SessionSnapshot = {
          ...session,
          status: 'cancelled',
          changeReason: command.reason,
          version: session.version + 1,
        };
        await this.schedules.saveSession(cancelled, session.version);
        // Dropping the seats waits for claims in flight, so no booking slips in after the closure.
        await this.schedules.dropSeats(session.id);
        const view: SessionView = { ...cancelled, freeReserved: 0, freePublic: 0 };
        bookingsCancelled += await this.sessionBookings.cancelAll(view, command.reason, now);
        await this.events.sessionChanged('cancelled', view);
      }
      return { sessionsCancelled: sessions.length, bookingsCancelled };
    });
  }
}
