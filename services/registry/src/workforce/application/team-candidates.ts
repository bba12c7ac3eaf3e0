import { Injectable } from '@nestjs/common';
import { InstitutionRepository } from '../../organisation/domain/institution.repository';
import { type Candidate } from '../domain/family-doctor-team';
import { PractitionerRepository } from '../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../domain/workforce-error';

/** Would-be members of a team, for CreateTeam and AddTeamMember. */
@Injectable()
export class TeamCandidates {
  constructor(
    private readonly practitioners: PractitionerRepository,
    private readonly institutions: InstitutionRepository,
  ) {}

  /**
   * Each practitioner with the place of their home institution, in the order asked; an unknown
   * one is reported under `fieldOf(its index)`, the field the request carried it in.
   */
  async of(practitionerIds: readonly string[], fieldOf: (index: number) => string): Promise<Candidate[]> {
    const practitioners = new Map(
      (await this.practitioners.findByIds(practitionerIds)).map((p) => [p.id, p]),
    );
    const homes = new Map(
      (
        await this.institutions.findByIds([
          ...new Set([...practitioners.values()].map((p) => p.homeInstitutionId)),
        ])
      ).map((i) => [i.snapshot().id, i.snapshot()]),
    );
    return practitionerIds.map((id, index) => {
      const practitioner = practitioners.get(id);
      const home = practitioner ? homes.get(practitioner.homeInstitutionId) : undefined;
      if (!practitioner || !home) {
        throw new WorkforceError(
          WorkforceErrorCode.UnknownPractitioner,
          'no practitioner with this id',
          fieldOf(index),
        );
      }
      return { practitionerId: id, home: { id: home.id, level: home.level, groupId: home.groupId } };
    });
  }
}
