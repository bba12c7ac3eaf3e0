import { type MedicalGroupSnapshot, type Membership, type MembershipRole } from '../../domain/medical-group';
import { type GroupMembershipOrmEntity } from './group-membership.orm-entity';
import { type MedicalGroupOrmEntity } from './medical-group.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity
// or a field added to the snapshot does not compile until it is mapped.

export function medicalGroupToEntity(s: MedicalGroupSnapshot): MedicalGroupOrmEntity {
  return { id: s.id, gridId: s.gridId, name: s.name, version: s.version };
}

export function membershipToEntity(groupId: string, m: Membership): GroupMembershipOrmEntity {
  return { groupId, institutionId: m.institutionId, role: m.role, joinedAt: m.joinedAt };
}

export function medicalGroupFromEntity(
  e: MedicalGroupOrmEntity,
  memberships: readonly GroupMembershipOrmEntity[],
): MedicalGroupSnapshot {
  return {
    id: e.id,
    gridId: e.gridId,
    name: e.name,
    version: e.version,
    memberships: memberships.map((m) => ({
      institutionId: m.institutionId,
      // Only this repository writes the column, from the domain's values.
      role: m.role as MembershipRole,
      joinedAt: m.joinedAt,
    })),
  };
}
