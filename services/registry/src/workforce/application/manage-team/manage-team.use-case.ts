import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { requireAllowed } from '../../../shared/require-allowed';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import {
  type Candidate,
  FamilyDoctorTeam,
  type FamilyDoctorTeamSnapshot,
  type TeamMemberRole,
} from '../../domain/family-doctor-team';
import { type InstitutionPlace } from '../../domain/practitioner';
import {
  WORKFORCE_EVENT_PUBLISHER,
  WORKFORCE_REPOSITORY,
  type WorkforceEventPublisher,
  type WorkforceRepository,
} from '../../domain/workforce.ports';
import { OrganisationAccess } from '../../../organisation/application/organisation-access.policy';

export interface MemberInput {
  practitionerId: string;
  role: TeamMemberRole | undefined;
}

export interface CreateTeamCommand {
  clientRequestId: string;
  institutionId: string;
  name: string;
  members: MemberInput[];
}

/** Forms family-doctor teams and changes their members. */
@Injectable()
export class ManageTeamUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(WORKFORCE_EVENT_PUBLISHER) private readonly events: WorkforceEventPublisher,
  ) {}

  async create(identity: Identity, command: CreateTeamCommand): Promise<FamilyDoctorTeamSnapshot> {
    const checks = new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .required('name', command.name)
      .maxLength('name', command.name, 100)
      .check(
        'members',
        command.members.length > 0,
        'REQUIRED',
        'a team needs members, at least one general practitioner',
      );
    command.members.forEach((m, i) => {
      checks.uuid(`members[${i}].practitionerId`, m.practitionerId);
      checks.check(
        `members[${i}].role`,
        m.role !== undefined,
        'REQUIRED',
        'must be GENERAL_PRACTITIONER, SPECIALIST or HEALTH_MANAGER',
      );
    });
    checks.throwIfAny();
    return this.uow.run(async () => {
      const base = await this.place(command.institutionId.toLowerCase(), 'institutionId');
      requireAllowed(OrganisationAccess.actForInstitution(identity, base), 'form teams at this institution');
      return this.requests.createOnce(clientRequestOf('create-team', command), {
        load: async (id) => (await this.workforce.findTeam(id))?.snapshot() ?? null,
        create: async () => {
          const candidates = await this.candidates(
            command.members.map((m) => m.practitionerId.toLowerCase()),
            (i) => `members[${i}].practitionerId`,
          );
          const team = FamilyDoctorTeam.create(
            { id: uuidv7(), name: command.name.trim(), base },
            command.members.map((m, i) => ({ candidate: candidates[i]!, role: m.role! })),
          );
          await this.workforce.insertTeam(team);
          await this.events.publish(team.pullEvents().map((event) => ({ kind: 'team-changed', event })));
          return { id: team.snapshot().id, result: team.snapshot() };
        },
      });
    });
  }

  async addMember(
    identity: Identity,
    teamId: string,
    member: MemberInput | undefined,
  ): Promise<FamilyDoctorTeamSnapshot> {
    new FieldChecks()
      .uuid('teamId', teamId)
      .uuid('member.practitionerId', member?.practitionerId)
      .check(
        'member.role',
        member?.role !== undefined,
        'REQUIRED',
        'must be GENERAL_PRACTITIONER, SPECIALIST or HEALTH_MANAGER',
      )
      .throwIfAny();
    return this.change(identity, teamId, async (team) => {
      const [candidate] = await this.candidates(
        [member!.practitionerId.toLowerCase()],
        () => 'member.practitionerId',
      );
      team.addMember(candidate!, member!.role!);
    });
  }

  async removeMember(
    identity: Identity,
    teamId: string,
    practitionerId: string,
  ): Promise<FamilyDoctorTeamSnapshot> {
    new FieldChecks().uuid('teamId', teamId).uuid('practitionerId', practitionerId).throwIfAny();
    return this.change(identity, teamId, (team) => {
      team.removeMember(practitionerId.toLowerCase());
      return Promise.resolve();
    });
  }

  private async change(
    identity: Identity,
    teamId: string,
    apply: (team: FamilyDoctorTeam) => Promise<void>,
  ): Promise<FamilyDoctorTeamSnapshot> {
    return this.uow.run(async () => {
      const team = await this.workforce.findTeam(teamId.toLowerCase(), true);
      if (!team) throw new RegistryError(RegistryErrorCode.NotFound, 'no team with this id', 'teamId');
      const { institutionId, groupId, version } = team.snapshot();
      requireAllowed(
        OrganisationAccess.actForInstitution(identity, { id: institutionId, groupId }),
        'change this team',
      );
      await apply(team);
      await this.workforce.updateTeam(team, version);
      await this.events.publish(team.pullEvents().map((event) => ({ kind: 'team-changed', event })));
      return team.snapshot();
    });
  }

  private async place(institutionId: string, field: string): Promise<InstitutionPlace> {
    const institution = await this.organisation.findInstitution(institutionId);
    if (!institution)
      throw new RegistryError(RegistryErrorCode.UnknownInstitution, 'no institution with this id', field);
    const { id, level, groupId } = institution.snapshot();
    return { id, level, groupId };
  }

  /**
   * Each practitioner with the place of their home institution, in the order asked; an unknown
   * one is reported under `fieldOf(its index)`, the field the request carried it in.
   */
  private async candidates(
    practitionerIds: string[],
    fieldOf: (index: number) => string,
  ): Promise<Candidate[]> {
    const practitioners = new Map(
      (await this.workforce.findPractitioners(practitionerIds)).map((p) => [p.id, p]),
    );
    const homes = new Map(
      (
        await this.organisation.findInstitutions([
          ...new Set([...practitioners.values()].map((p) => p.homeInstitutionId)),
        ])
      ).map((i) => [i.snapshot().id, i.snapshot()]),
    );
    return practitionerIds.map((id, index) => {
      const practitioner = practitioners.get(id);
      const home = practitioner ? homes.get(practitioner.homeInstitutionId) : undefined;
      if (!practitioner || !home) {
        throw new RegistryError(
          RegistryErrorCode.UnknownPractitioner,
          'no practitioner with this id',
          fieldOf(index),
        );
      }
      return { practitionerId: id, home: { id: home.id, level: home.level, groupId: home.groupId } };
    });
  }
}
