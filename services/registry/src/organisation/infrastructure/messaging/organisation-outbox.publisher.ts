import { Injectable } from '@nestjs/common';
import {
  CityRegisteredEvent,
  DepartmentRegisteredEvent,
  GridRegisteredEvent,
  InstitutionChangedEvent,
  MedicalGroupChangedEvent,
  registryEventsV1,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type InstitutionChange } from '../../domain/institution';
import { type MedicalGroupChange } from '../../domain/medical-group';
import {
  type OrganisationEvent,
  OrganisationEventPublisher,
} from '../../domain/organisation-event-publisher';
import { GroupCompleteness } from '../../application/group-completeness';
import {
  cityToProto,
  departmentToProto,
  gridToProto,
  groupToProto,
  institutionToProto,
} from '../../contracts/organisation.proto-mapper';

const { InstitutionChange: IC, MedicalGroupChange: GC } = registryEventsV1;

function institutionChange(change: InstitutionChange): registryEventsV1.InstitutionChange {
  switch (change) {
    case 'registered':
      return IC.INSTITUTION_CHANGE_REGISTERED;
    case 'updated':
      return IC.INSTITUTION_CHANGE_UPDATED;
    case 'joined-group':
      return IC.INSTITUTION_CHANGE_JOINED_GROUP;
    case 'left-group':
      return IC.INSTITUTION_CHANGE_LEFT_GROUP;
  }
}

function groupChange(change: MedicalGroupChange): registryEventsV1.MedicalGroupChange {
  switch (change) {
    case 'created':
      return GC.MEDICAL_GROUP_CHANGE_CREATED;
    case 'membership-added':
      return GC.MEDICAL_GROUP_CHANGE_MEMBERSHIP_ADDED;
    case 'membership-removed':
      return GC.MEDICAL_GROUP_CHANGE_MEMBERSHIP_REMOVED;
  }
}

/** Registry organisation events into the outbox, in the change's transaction. */
@Injectable()
export class OrganisationOutboxPublisher extends OrganisationEventPublisher {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly completeness: GroupCompleteness,
  ) {
    super();
  }

  async publish(events: readonly OrganisationEvent[]): Promise<void> {
    const occurredAt = new Date();
    for (const event of events) {
      switch (event.kind) {
        case 'city-registered':
          await this.outbox.append(CityRegisteredEvent, {
            aggregateId: event.city.id,
            aggregateVersion: 1,
            occurredAt,
            payload: { city: cityToProto(event.city) },
          });
          break;
        case 'grid-registered':
          await this.outbox.append(GridRegisteredEvent, {
            aggregateId: event.grid.id,
            aggregateVersion: 1,
            occurredAt,
            payload: { grid: gridToProto(event.grid) },
          });
          break;
        case 'institution-changed':
          await this.outbox.append(InstitutionChangedEvent, {
            aggregateId: event.event.institution.id,
            aggregateVersion: event.event.institution.version,
            occurredAt,
            payload: {
              change: institutionChange(event.event.change),
              institution: institutionToProto(event.event.institution),
            },
          });
          break;
        case 'group-changed':
          await this.outbox.append(MedicalGroupChangedEvent, {
            aggregateId: event.event.group.id,
            aggregateVersion: event.event.group.version,
            occurredAt,
            payload: {
              change: groupChange(event.event.change),
              institutionId: event.event.institutionId ?? '',
              group: groupToProto(event.event.group, await this.completeness.of(event.event.group)),
            },
          });
          break;
        case 'department-registered':
          await this.outbox.append(DepartmentRegisteredEvent, {
            aggregateId: event.department.id,
            aggregateVersion: 1,
            occurredAt,
            payload: { department: departmentToProto(event.department) },
          });
          break;
      }
    }
  }
}
