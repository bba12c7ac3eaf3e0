import { type FamilyDoctorTeamSnapshot, type TeamMemberRole } from '../../domain/family-doctor-team';
import { type FamilyDoctorTeamOrmEntity } from './family-doctor-team.orm-entity';
import { type TeamMemberOrmEntity } from './team-member.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity
// or a field added to the snapshot does not compile until it is mapped.

export function teamToEntity(s: FamilyDoctorTeamSnapshot): FamilyDoctorTeamOrmEntity {
  return { id: s.id, institutionId: s.institutionId, groupId: s.groupId, name: s.name, version: s.version };
}

/** The members' rows; `position` keeps the order they joined in. */
export function teamMembersToEntities(s: FamilyDoctorTeamSnapshot): TeamMemberOrmEntity[] {
  return s.members.map((m, position) => ({
    teamId: s.id,
    practitionerId: m.practitionerId,
    role: m.role,
    position,
  }));
}

/** `members` are the team's rows in position order. */
export function teamFromEntity(
  e: FamilyDoctorTeamOrmEntity,
  members: readonly TeamMemberOrmEntity[],
): FamilyDoctorTeamSnapshot {
  return {
    id: e.id,
    institutionId: e.institutionId,
    groupId: e.groupId,
    name: e.name,
    version: e.version,
    members: members.map((m) => ({
      practitionerId: m.practitionerId,
      // Only this repository writes the column, from the domain's values.
      role: m.role as TeamMemberRole,
    })),
  };
}
