import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { managedHospital } from '../../../common/managed-hospital';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { ScheduleTemplate } from '../../domain/schedule-template';
import { type SessionSnapshot } from '../../domain/session';
import { initialSplit } from '../../domain/session-capacity';
import { type GenerateSessionsCommand } from './generate-sessions.command';

export interface GeneratedSessions {
  readonly created: number;
  /** Already generated (a retry, or an overlapping range). */
  readonly existing: number;
  /** Left out: the doctor has another session in the band (one moved onto it). */
  readonly overlapping: number;
}

/**
 * GenerateSessions: the hospital's templates become sessions, each split into
 * pools by the share in force on its date. Idempotent by nature: a session a
 * template already planned for a date is not made twice.
 */
@Injectable()
export class GenerateSessionsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
    private readonly events: ScheduleEventPublisher,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async execute(
    identity: Identity,
    command: GenerateSessionsCommand,
    now = new Date(),
  ): Promise<GeneratedSessions> {
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      const reserve = await this.reserves.of(hospital);
      let created = 0;
      let existing = 0;
      let overlapping = 0;
      for (const template of (await this.schedules.listTemplates(hospital.id)).map((row) =>
        ScheduleTemplate.restore(row),
      )) {
        const t = template.snapshot();
        for (const planned of template.sessionsBetween(command.fromDate, command.toDate)) {
          if (planned.endsAt <= now) continue;
          // The share in force on the session's date: the city's floor may change from a date on.
          const split = initialSplit(planned.capacity, reserve.shareOn(planned.date).slotRatio);
          const session: SessionSnapshot = {
            id: uuidv7(),
            institutionId: t.institutionId,
            groupId: t.groupId,
            departmentId: t.departmentId,
            specialtyCode: t.specialtyCode,
            practitionerId: t.practitionerId,
            templateId: t.id,
            date: planned.date,
            startsAt: planned.startsAt,
            endsAt: planned.endsAt,
            status: 'open',
            capacity: planned.capacity,
            reservedOffered: split.reserved,
            reservedReleased: 0,
            releaseLeadHours: reserve.releaseLeadHours,
            changeReason: '',
            version: 1,
          };
          // A doctor's session moved onto this band keeps it: the planned one is not made beside it.
          if (t.practitionerId && (await this.doctorBusy(session))) {
            overlapping++;
            continue;
          }
          if (await this.schedules.insertSessionIfAbsent(session)) {
            created++;
            await this.events.sessionChanged('opened', {
              ...session,
              freeReserved: split.reserved,
              freePublic: split.public,
            });
          } else existing++;
        }
      }
      return { created, existing, overlapping };
    });
  }

  /** Whether the doctor already has another open session in the planned one's band (under their diary lock). */
  private async doctorBusy(planned: SessionSnapshot): Promise<boolean> {
    const others = await this.schedules.lockDoctorOverlaps({
      ...planned,
      exceptId: planned.id,
      exceptPlanned: { templateId: planned.templateId!, date: planned.date },
    });
    return others.length > 0;
  }
}
