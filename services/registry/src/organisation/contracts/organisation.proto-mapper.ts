import { registryV1 } from '@medgrid/contracts';
import { type City, type Department, type Grid } from '../domain/geography';
import { type InstitutionSnapshot } from '../domain/institution';
import { type InstitutionLevel, type InstitutionType } from '../domain/institution-classification';
import { type MedicalGroupSnapshot, type MembershipRole } from '../domain/medical-group';

const { InstitutionLevel: Level, InstitutionType: Type, MembershipRole: Role } = registryV1;

const LEVELS: [InstitutionLevel, registryV1.InstitutionLevel][] = [
  ['tertiary', Level.INSTITUTION_LEVEL_TERTIARY],
  ['secondary', Level.INSTITUTION_LEVEL_SECONDARY],
  ['primary', Level.INSTITUTION_LEVEL_PRIMARY],
];

const TYPES: [InstitutionType, registryV1.InstitutionType][] = [
  ['general-hospital', Type.INSTITUTION_TYPE_GENERAL_HOSPITAL],
  ['specialist-hospital', Type.INSTITUTION_TYPE_SPECIALIST_HOSPITAL],
  ['tcm-hospital', Type.INSTITUTION_TYPE_TCM_HOSPITAL],
  ['rehabilitation-hospital', Type.INSTITUTION_TYPE_REHABILITATION_HOSPITAL],
  ['nursing-home', Type.INSTITUTION_TYPE_NURSING_HOME],
  ['community-health-centre', Type.INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE],
  ['community-health-station', Type.INSTITUTION_TYPE_COMMUNITY_HEALTH_STATION],
  ['township-health-centre', Type.INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE],
  ['village-clinic', Type.INSTITUTION_TYPE_VILLAGE_CLINIC],
  ['shared-centre', Type.INSTITUTION_TYPE_SHARED_CENTRE],
];

const ROLES: [MembershipRole, registryV1.MembershipRole][] = [
  ['lead', Role.MEMBERSHIP_ROLE_LEAD],
  ['member', Role.MEMBERSHIP_ROLE_MEMBER],
  ['collaborating', Role.MEMBERSHIP_ROLE_COLLABORATING],
];

function fromProto<D, P>(table: [D, P][], value: P): D | undefined {
  return table.find(([, proto]) => proto === value)?.[0];
}

function toProto<D, P>(table: [D, P][], value: D): P {
  return table.find(([domain]) => domain === value)![1];
}

export const levelFromProto = (value: registryV1.InstitutionLevel) => fromProto(LEVELS, value);
export const typeFromProto = (value: registryV1.InstitutionType) => fromProto(TYPES, value);
export const roleFromProto = (value: registryV1.MembershipRole) => fromProto(ROLES, value);
/** Optional filters: UNSPECIFIED means "any". */
export const optionalLevel = (value: registryV1.InstitutionLevel) => levelFromProto(value);
export const optionalType = (value: registryV1.InstitutionType) => typeFromProto(value);

export function institutionToProto(institution: InstitutionSnapshot): registryV1.Institution {
  return {
    ...institution,
    level: toProto(LEVELS, institution.level),
    type: toProto(TYPES, institution.type),
    groupId: institution.groupId ?? '',
  };
}

export function groupToProto(group: MedicalGroupSnapshot, complete: boolean): registryV1.MedicalGroup {
  return {
    id: group.id,
    gridId: group.gridId,
    name: group.name,
    leadInstitutionId: group.memberships.find((m) => m.role === 'lead')?.institutionId ?? '',
    memberships: group.memberships.map((m) => ({ ...m, role: toProto(ROLES, m.role) })),
    version: group.version,
    complete,
  };
}

export const cityToProto = (city: City): registryV1.City => ({ ...city });
export const gridToProto = (grid: Grid): registryV1.Grid => ({ ...grid });
export const departmentToProto = (department: Department): registryV1.Department => ({ ...department });
