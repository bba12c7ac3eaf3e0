import { Injectable } from '@nestjs/common';
import { PractitionerChangedEvent, TeamChangedEvent, workforceEventsV1 } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type TeamChange } from '../../domain/family-doctor-team';
import { type WorkforceEvent, WorkforceEventPublisher } from '../../domain/workforce-event-publisher';
import { practitionerToProto, teamToProto } from '../../contracts/workforce.proto-mapper';

const { TeamChange: TC } = workforceEventsV1;

function teamChange(change: TeamChange): workforceEventsV1.TeamChange {
  switch (change) {
    case 'created':
      return TC.TEAM_CHANGE_CREATED;
    case 'member-added':
      return TC.TEAM_CHANGE_MEMBER_ADDED;
    case 'member-removed':
      return TC.TEAM_CHANGE_MEMBER_REMOVED;
  }
}

/** Workforce events into the outbox, in the change's transaction. */
@Injectable()
export class WorkforceOutboxPublisher extends WorkforceEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async publish(events: readonly WorkforceEvent[]): Promise<void> {
    const occurredAt = new Date();
    for (const event of events) {
      switch (event.kind) {
        case 'practitioner-changed':
          await this.outbox.append(PractitionerChangedEvent, {
            aggregateId: event.practitioner.id,
            aggregateVersion: event.practitioner.version,
            occurredAt,
            payload: { practitioner: practitionerToProto(event.practitioner) },
          });
          break;
        case 'team-changed':
          await this.outbox.append(TeamChangedEvent, {
            aggregateId: event.event.team.id,
            aggregateVersion: event.event.team.version,
            occurredAt,
            payload: { change: teamChange(event.event.change), team: teamToProto(event.event.team) },
          });
          break;
      }
    }
  }
}
