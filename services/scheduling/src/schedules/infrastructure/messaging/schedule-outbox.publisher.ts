import { Injectable } from '@nestjs/common';
import { schedulingEventsV1 as e, SessionChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { sessionToProto } from '../../contracts/schedule.proto-mapper';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { type SessionChange, type SessionView } from '../../domain/session';

function sessionChange(change: SessionChange): e.SessionChange {
  switch (change) {
    case 'opened':
      return e.SessionChange.SESSION_CHANGE_OPENED;
    case 'cancelled':
      return e.SessionChange.SESSION_CHANGE_CANCELLED;
    case 'moved':
      return e.SessionChange.SESSION_CHANGE_MOVED;
    case 'resized':
      return e.SessionChange.SESSION_CHANGE_RESIZED;
    case 'reserve-released':
      return e.SessionChange.SESSION_CHANGE_RESERVE_RELEASED;
    case 'release-rescheduled':
      return e.SessionChange.SESSION_CHANGE_RELEASE_RESCHEDULED;
  }
}

/** Writes the schedules context's events to the outbox, keyed by aggregate id, in the caller's transaction. */
@Injectable()
export class ScheduleOutboxPublisher extends ScheduleEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async sessionChanged(change: SessionChange, session: SessionView, released = 0): Promise<void> {
    await this.outbox.append(SessionChangedEvent, {
      aggregateId: session.id,
      aggregateVersion: session.version,
      occurredAt: new Date(),
      payload: { change: sessionChange(change), session: sessionToProto(session), released },
    });
  }
}
