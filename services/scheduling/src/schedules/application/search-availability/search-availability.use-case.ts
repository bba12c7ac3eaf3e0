import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { pageOf } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { canSeeCapacity, requireAllowed } from '../../../common/scheduling-access.policy';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';
import { type SearchAvailabilityQuery, sessionKey } from './search-availability.query';

export interface AvailabilityPage {
  readonly sessions: SessionView[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/** SearchAvailability: capacity, no patient data, for whoever may see the hospital's capacity. */
@Injectable()
export class SearchAvailabilityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
  ) {}

  async execute(
    identity: Identity,
    query: SearchAvailabilityQuery,
    now = new Date(),
  ): Promise<AvailabilityPage> {
    return this.uow.run(async () => {
      // Checked before the search: a refusal only when sessions were found would tell another group whether the
      // hospital has any (an empty answer).
      const hospital = await this.registry.institution(query.institutionId.toLowerCase());
      if (hospital)
        requireAllowed(
          canSeeCapacity(identity, { id: hospital.id, groupId: hospital.groupId }),
          'search this hospital',
        );
      // A hospital the projection has not learnt yet: its group comes from its sessions, if it has any.
      const sessions = await this.schedules.searchAvailability({
        institutionId: query.institutionId,
        departmentId: query.departmentId,
        practitionerId: query.practitionerId,
        specialtyCode: query.specialtyCode,
        fromDate: query.fromDate,
        toDate: query.toDate,
        pool: query.pool,
        after: query.page.after,
        limit: query.page.limit,
        now,
      });
      const first = sessions[0];
      if (!hospital && first)
        requireAllowed(
          canSeeCapacity(identity, { id: first.institutionId, groupId: first.groupId }),
          'search this hospital',
        );
      const { items, nextPageToken } = pageOf(sessions, query.page, sessionKey);
      return { sessions: items, nextPageToken };
    });
  }
}
