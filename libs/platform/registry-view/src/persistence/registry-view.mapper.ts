import {
  type KnownCity,
  type KnownContract,
  type KnownDepartment,
  type KnownGrid,
  type KnownGroup,
  type KnownInstitution,
  type KnownPractitioner,
  type KnownResident,
  type KnownTeam,
} from '../registry-view';
import { type KnownCityOrmEntity } from './known-city.orm-entity';
import { type KnownContractOrmEntity } from './known-contract.orm-entity';
import { type KnownDepartmentOrmEntity } from './known-department.orm-entity';
import { type KnownGridOrmEntity } from './known-grid.orm-entity';
import { type KnownGroupOrmEntity } from './known-group.orm-entity';
import { type KnownInstitutionOrmEntity } from './known-institution.orm-entity';
import { type KnownPractitionerOrmEntity } from './known-practitioner.orm-entity';
import { type KnownResidentOrmEntity } from './known-resident.orm-entity';
import { type KnownTeamOrmEntity } from './known-team.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity or a
// field added to a Known* type does not compile until it is mapped. Versions are bigint columns,
// which arrive as strings.

export function institutionToEntity(value: KnownInstitution): KnownInstitutionOrmEntity {
  return {
    id: value.id,
    groupId: value.groupId,
    level: value.level,
    type: value.type,
    version: String(value.version),
  };
}

export function institutionFromEntity(entity: KnownInstitutionOrmEntity): KnownInstitution {
  return {
    id: entity.id,
    groupId: entity.groupId,
    level: entity.level,
    type: entity.type,
    version: Number(entity.version),
  };
}

export function groupToEntity(value: KnownGroup): KnownGroupOrmEntity {
  return {
    id: value.id,
    gridId: value.gridId,
    leadInstitutionId: value.leadInstitutionId,
    members: value.members,
    version: String(value.version),
  };
}

export function groupFromEntity(entity: KnownGroupOrmEntity): KnownGroup {
  return {
    id: entity.id,
    gridId: entity.gridId,
    leadInstitutionId: entity.leadInstitutionId,
    members: entity.members,
    version: Number(entity.version),
  };
}

export function departmentToEntity(value: KnownDepartment): KnownDepartmentOrmEntity {
  return {
    id: value.id,
    institutionId: value.institutionId,
    specialtyCode: value.specialtyCode,
  };
}

export function departmentFromEntity(entity: KnownDepartmentOrmEntity): KnownDepartment {
  return {
    id: entity.id,
    institutionId: entity.institutionId,
    specialtyCode: entity.specialtyCode,
  };
}

export function teamToEntity(value: KnownTeam): KnownTeamOrmEntity {
  return {
    id: value.id,
    institutionId: value.institutionId,
    groupId: value.groupId,
    version: String(value.version),
  };
}

export function contractToEntity(value: KnownContract): KnownContractOrmEntity {
  return {
    id: value.id,
    residentIdNumber: value.residentIdNumber,
    teamId: value.teamId,
    status: value.status,
    startDate: value.startDate,
    endDate: value.endDate,
    version: String(value.version),
  };
}

export function residentToEntity(value: KnownResident): KnownResidentOrmEntity {
  return {
    id: value.id,
    residentIdNumber: value.residentIdNumber,
    version: String(value.version),
  };
}

export function gridToEntity(value: KnownGrid): KnownGridOrmEntity {
  return {
    id: value.id,
    cityId: value.cityId,
  };
}

export function cityToEntity(value: KnownCity): KnownCityOrmEntity {
  return {
    id: value.id,
    divisionCode: value.divisionCode,
    name: value.name,
  };
}

export function cityFromEntity(entity: KnownCityOrmEntity): KnownCity {
  return {
    id: entity.id,
    divisionCode: entity.divisionCode,
    name: entity.name,
  };
}

export function practitionerToEntity(value: KnownPractitioner): KnownPractitionerOrmEntity {
  return {
    id: value.id,
    licenceNumber: value.licenceNumber,
    name: value.name,
    title: value.title,
    specialtyCode: value.specialtyCode,
    homeInstitutionId: value.homeInstitutionId,
    version: String(value.version),
  };
}

export function practitionerFromEntity(entity: KnownPractitionerOrmEntity): KnownPractitioner {
  return {
    id: entity.id,
    licenceNumber: entity.licenceNumber,
    name: entity.name,
    title: entity.title,
    specialtyCode: entity.specialtyCode,
    homeInstitutionId: entity.homeInstitutionId,
    version: Number(entity.version),
  };
}
