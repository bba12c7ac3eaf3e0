import { WorkforceError, WorkforceErrorCode } from './workforce-error';
import { type InstitutionPlace } from './practitioner';

export type TeamMemberRole = 'general-practitioner' | 'specialist' | 'health-manager';

export interface TeamMember {
  readonly practitionerId: string;
  readonly role: TeamMemberRole;
}

export interface FamilyDoctorTeamSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly name: string;
  readonly members: readonly TeamMember[];
  readonly version: number;
}

/** A would-be member: the practitioner and where their home institution stands. */
export interface Candidate {
  readonly practitionerId: string;
  readonly home: InstitutionPlace;
}

export type TeamChange = 'created' | 'member-added' | 'member-removed';

export interface TeamChanged {
  readonly change: TeamChange;
  readonly team: FamilyDoctorTeamSnapshot;
}

/**
 * A family-doctor team (家庭医生签约服务团队, "1+1+1") based at a primary
 * institution of a group: general practitioners of that institution,
 * specialists sent down from the group's secondary or tertiary hospitals,
 * and health managers from anywhere in the group. It always keeps at least
 * one general practitioner, who carries the contracts.
 */
export class FamilyDoctorTeam {
  private events: TeamChanged[] = [];

  private constructor(private state: FamilyDoctorTeamSnapshot) {}

  static create(
    input: { id: string; name: string; base: InstitutionPlace },
    members: readonly { candidate: Candidate; role: TeamMemberRole }[],
  ): FamilyDoctorTeam {
    if (input.base.level !== 'primary') {
      throw new WorkforceError(
        WorkforceErrorCode.TeamMustBeAtPrimaryInstitution,
        'a family-doctor team is based at a primary institution',
        'institutionId',
      );
    }
    if (input.base.groupId === null) {
      throw new WorkforceError(
        WorkforceErrorCode.InstitutionNotInGroup,
        'the team’s institution must belong to a medical group',
        'institutionId',
      );
    }
    const team = new FamilyDoctorTeam({
      id: input.id,
      institutionId: input.base.id,
      groupId: input.base.groupId,
      name: input.name,
      members: [],
      version: 1,
    });
    members.forEach(({ candidate, role }, i) => team.admit(candidate, role, `members[${i}].practitionerId`));
    team.requireGeneralPractitioner(team.state.members, 'members');
    team.events = [{ change: 'created', team: team.snapshot() }];
    return team;
  }

  static restore(snapshot: FamilyDoctorTeamSnapshot): FamilyDoctorTeam {
    return new FamilyDoctorTeam(snapshot);
  }

  addMember(candidate: Candidate, role: TeamMemberRole): void {
    this.admit(candidate, role, 'member.practitionerId');
    this.state = { ...this.state, version: this.state.version + 1 };
    this.events.push({ change: 'member-added', team: this.snapshot() });
  }

  removeMember(practitionerId: string): void {
    if (!this.state.members.some((m) => m.practitionerId === practitionerId)) {
      throw new WorkforceError(
        WorkforceErrorCode.NotATeamMember,
        'the practitioner is not in this team',
        'practitionerId',
      );
    }
    const remaining = this.state.members.filter((m) => m.practitionerId !== practitionerId);
    this.requireGeneralPractitioner(remaining, 'practitionerId');
    this.state = { ...this.state, members: remaining, version: this.state.version + 1 };
    this.events.push({ change: 'member-removed', team: this.snapshot() });
  }

  snapshot(): FamilyDoctorTeamSnapshot {
    return { ...this.state, members: [...this.state.members] };
  }

  pullEvents(): TeamChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** `field` names the practitioner as the request carried it (members[i] or member). */
  private admit(candidate: Candidate, role: TeamMemberRole, field: string): void {
    if (this.state.members.some((m) => m.practitionerId === candidate.practitionerId)) {
      throw new WorkforceError(
        WorkforceErrorCode.AlreadyATeamMember,
        'the practitioner is already in this team',
        field,
      );
    }
    const home = candidate.home;
    const sameGroup = home.groupId !== null && home.groupId === this.state.groupId;
    switch (role) {
      case 'general-practitioner':
        if (home.id !== this.state.institutionId) {
          throw new WorkforceError(
            WorkforceErrorCode.MemberDoesNotFitRole,
            'a general practitioner of the team must work at the team’s own primary institution',
            field,
          );
        }
        break;
      case 'specialist':
        if (!sameGroup || home.level === 'primary') {
          throw new WorkforceError(
            WorkforceErrorCode.MemberDoesNotFitRole,
            'a specialist is sent down from a secondary or tertiary institution of the same group',
            field,
          );
        }
        break;
      case 'health-manager':
        if (!sameGroup) {
          throw new WorkforceError(
            WorkforceErrorCode.MemberDoesNotFitRole,
            'a health manager must work in the same medical group',
            field,
          );
        }
        break;
    }
    this.state = {
      ...this.state,
      members: [...this.state.members, { practitionerId: candidate.practitionerId, role }],
    };
  }

  private requireGeneralPractitioner(members: readonly TeamMember[], field: string): void {
    if (!members.some((m) => m.role === 'general-practitioner')) {
      throw new WorkforceError(
        WorkforceErrorCode.TeamNeedsGeneralPractitioner,
        'a family-doctor team needs at least one general practitioner',
        field,
      );
    }
  }
}
