import { anchorsGroupMembership, canLeadGroup, type InstitutionClass } from './institution-classification';
import { OrganisationError, OrganisationErrorCode } from './organisation-error';

export type MembershipRole = 'lead' | 'member' | 'collaborating';

export interface Membership {
  readonly institutionId: string;
  readonly role: MembershipRole;
  readonly joinedAt: Date;
}

export interface MedicalGroupSnapshot {
  readonly id: string;
  readonly gridId: string;
  readonly name: string;
  readonly memberships: readonly Membership[];
  readonly version: number;
}

/** What the group needs to know about an institution to judge a membership. */
export interface CandidateInstitution extends InstitutionClass {
  readonly id: string;
  /** Group the institution already leads or belongs to, if any. */
  readonly groupId: string | null;
}

export type MedicalGroupChange = 'created' | 'membership-added' | 'membership-removed';

export interface MedicalGroupChanged {
  readonly change: MedicalGroupChange;
  readonly institutionId: string | null;
  readonly group: MedicalGroupSnapshot;
}

/**
 * A grid's medical group (紧密型城市医疗集团): one lead hospital (a tertiary
 * general hospital), members that belong to no other group, and
 * collaborating units (e.g. provincial hospitals) that may serve several
 * groups. Once a group has its lead and a secondary general hospital or
 * continuing-care member, it may not lose that anchor while others remain.
 */
export class MedicalGroup {
  private events: MedicalGroupChanged[] = [];

  private constructor(private state: MedicalGroupSnapshot) {}

  static create(input: { id: string; gridId: string; name: string }): MedicalGroup {
    const group = new MedicalGroup({ ...input, memberships: [], version: 1 });
    group.record('created', null);
    return group;
  }

  static restore(snapshot: MedicalGroupSnapshot): MedicalGroup {
    return new MedicalGroup(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get leadInstitutionId(): string | null {
    return this.state.memberships.find((m) => m.role === 'lead')?.institutionId ?? null;
  }

  roleOf(institutionId: string): MembershipRole | null {
    return this.state.memberships.find((m) => m.institutionId === institutionId)?.role ?? null;
  }

  /** Member institutions (lead and members) take the group as theirs; collaborators do not. */
  static isBelonging(role: MembershipRole): boolean {
    return role === 'lead' || role === 'member';
  }

  addMembership(institution: CandidateInstitution, role: MembershipRole, now: Date): void {
    if (this.roleOf(institution.id)) {
      throw new OrganisationError(
        OrganisationErrorCode.AlreadyInThisGroup,
        `institution is already the ${this.roleOf(institution.id)} of this group`,
        'institutionId',
      );
    }
    if (
      MedicalGroup.isBelonging(role) &&
      institution.groupId !== null &&
      institution.groupId !== this.state.id
    ) {
      throw new OrganisationError(
        OrganisationErrorCode.AlreadyInAnotherGroup,
        'an institution can be a member of at most one medical group',
        'institutionId',
      );
    }
    switch (role) {
      case 'lead':
        if (this.leadInstitutionId) {
          throw new OrganisationError(
            OrganisationErrorCode.SecondLeadHospital,
            'a medical group has exactly one lead hospital',
            'role',
          );
        }
        if (!canLeadGroup(institution)) {
          throw new OrganisationError(
            OrganisationErrorCode.LeadMustBeTertiaryGeneral,
            `the lead hospital must be a tertiary general hospital, not a ${institution.level} ${institution.type}`,
            'institutionId',
          );
        }
        break;
      case 'member':
        break;
      case 'collaborating':
        if (institution.level === 'primary') {
          throw new OrganisationError(
            OrganisationErrorCode.CollaboratorMustBeHospital,
            'a collaborating unit must be a secondary or tertiary institution',
            'institutionId',
          );
        }
        break;
    }
    this.state = {
      ...this.state,
      memberships: [...this.state.memberships, { institutionId: institution.id, role, joinedAt: now }],
      version: this.state.version + 1,
    };
    this.record('membership-added', institution.id);
  }

  /**
   * `classOf` answers the level and type of the remaining members, so the
   * anchor rule can be checked without holding every institution in the group.
   */
  removeMembership(
    institutionId: string,
    classOf: (id: string) => InstitutionClass | undefined,
  ): MembershipRole {
    const role = this.roleOf(institutionId);
    if (!role)
      throw new OrganisationError(
        OrganisationErrorCode.NotAMember,
        'institution is not in this group',
        'institutionId',
      );
    const remaining = this.state.memberships.filter((m) => m.institutionId !== institutionId);
    const belongingRemain = remaining.filter((m) => m.role === 'member');
    if (role === 'lead' && belongingRemain.length > 0) {
      throw new OrganisationError(
        OrganisationErrorCode.LeadStaysWhileMembersRemain,
        'the lead hospital cannot leave while members remain; appoint the group anew instead',
        'institutionId',
      );
    }
    if (role === 'member' && this.isAnchored(this.state.memberships, classOf) && belongingRemain.length > 0) {
      if (!this.isAnchored(remaining, classOf)) {
        throw new OrganisationError(
          OrganisationErrorCode.GroupNeedsSecondaryOrContinuingCare,
          'a medical group must keep at least one secondary general hospital or continuing-care institution',
          'institutionId',
        );
      }
    }
    this.state = { ...this.state, memberships: remaining, version: this.state.version + 1 };
    this.record('membership-removed', institutionId);
    return role;
  }

  /** Complete: a lead and at least one secondary general hospital or continuing-care member (docs/domain.md). */
  isComplete(classOf: (id: string) => InstitutionClass | undefined): boolean {
    return this.leadInstitutionId !== null && this.isAnchored(this.state.memberships, classOf);
  }

  snapshot(): MedicalGroupSnapshot {
    return { ...this.state, memberships: [...this.state.memberships] };
  }

  pullEvents(): MedicalGroupChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private isAnchored(
    memberships: readonly Membership[],
    classOf: (id: string) => InstitutionClass | undefined,
  ): boolean {
    return memberships.some((m) => {
      const cls = m.role === 'member' ? classOf(m.institutionId) : undefined;
      return cls !== undefined && anchorsGroupMembership(cls);
    });
  }

  private record(change: MedicalGroupChange, institutionId: string | null): void {
    this.events.push({ change, institutionId, group: this.snapshot() });
  }
}
