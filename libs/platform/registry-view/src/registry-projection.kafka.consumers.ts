import { Injectable } from '@nestjs/common';
import {
  CityRegisteredEvent,
  ContractChangedEvent,
  DepartmentRegisteredEvent,
  GridRegisteredEvent,
  InstitutionChangedEvent,
  MedicalGroupChangedEvent,
  peopleV1,
  ResidentChangedEvent,
  registryEventsV1,
  registryV1,
  residentEventsV1,
  TeamChangedEvent,
  workforceEventsV1,
} from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import {
  RegistryView,
  type KnownContract,
  type KnownInstitution,
  type KnownMembershipRole,
} from './registry-view';

function levelOf(level: registryV1.InstitutionLevel): KnownInstitution['level'] {
  switch (level) {
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_TERTIARY:
      return 'tertiary';
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_SECONDARY:
      return 'secondary';
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_PRIMARY:
      return 'primary';
    default:
      return 'unknown';
  }
}

function roleOf(role: registryV1.MembershipRole): KnownMembershipRole | null {
  switch (role) {
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_LEAD:
      return 'lead';
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER:
      return 'member';
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_COLLABORATING:
      return 'collaborating';
    default:
      return null;
  }
}

function contractStatusOf(status: peopleV1.ContractStatus): KnownContract['status'] {
  switch (status) {
    case peopleV1.ContractStatus.CONTRACT_STATUS_ACTIVE:
      return 'active';
    case peopleV1.ContractStatus.CONTRACT_STATUS_ENDED:
      return 'ended';
    case peopleV1.ContractStatus.CONTRACT_STATUS_EXPIRED:
      return 'expired';
    default:
      return 'unknown';
  }
}

/** Topic medgrid.registry.institution.v1 (compacted) → known_institution. */
@Injectable()
export class InstitutionChangedKafkaConsumer implements EventHandler<registryEventsV1.InstitutionChanged> {
  readonly contract = InstitutionChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ institution }: registryEventsV1.InstitutionChanged): Promise<void> {
    if (!institution?.id) return;
    await this.view.upsertInstitution({
      id: institution.id,
      groupId: institution.groupId || null,
      level: levelOf(institution.level),
      version: institution.version,
    });
  }
}

/** Topic medgrid.registry.medical-group.v1 (compacted) → known_group. */
@Injectable()
export class MedicalGroupChangedKafkaConsumer implements EventHandler<registryEventsV1.MedicalGroupChanged> {
  readonly contract = MedicalGroupChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ group }: registryEventsV1.MedicalGroupChanged): Promise<void> {
    if (!group?.id) return;
    await this.view.upsertGroup({
      id: group.id,
      gridId: group.gridId || null,
      leadInstitutionId: group.leadInstitutionId || null,
      members: group.memberships.flatMap((m) => {
        const role = roleOf(m.role);
        return role ? [{ institutionId: m.institutionId, role }] : [];
      }),
      version: group.version,
    });
  }
}

/** Topic medgrid.registry.department.v1 (compacted) → known_department. */
@Injectable()
export class DepartmentRegisteredKafkaConsumer implements EventHandler<registryEventsV1.DepartmentRegistered> {
  readonly contract = DepartmentRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ department }: registryEventsV1.DepartmentRegistered): Promise<void> {
    if (!department?.id) return;
    await this.view.upsertDepartment({
      id: department.id,
      institutionId: department.institutionId,
      specialtyCode: department.specialtyCode,
    });
  }
}

/** Topic medgrid.registry.team.v1 (compacted) → known_team. */
@Injectable()
export class TeamChangedKafkaConsumer implements EventHandler<workforceEventsV1.TeamChanged> {
  readonly contract = TeamChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ team }: workforceEventsV1.TeamChanged): Promise<void> {
    if (!team?.id) return;
    await this.view.upsertTeam({
      id: team.id,
      institutionId: team.institutionId,
      groupId: team.groupId,
      version: team.version,
    });
  }
}

/** Topic medgrid.registry.resident.v1 (compacted) → known_resident (the identity number only). */
@Injectable()
export class ResidentChangedKafkaConsumer implements EventHandler<residentEventsV1.ResidentChanged> {
  readonly contract = ResidentChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ resident }: residentEventsV1.ResidentChanged): Promise<void> {
    if (!resident?.id || !resident.residentIdNumber) return;
    await this.view.upsertResident({
      id: resident.id,
      residentIdNumber: resident.residentIdNumber,
      version: resident.version,
    });
  }
}

/** Topic medgrid.registry.contract.v1 (compacted) → known_contract. */
@Injectable()
export class ContractChangedKafkaConsumer implements EventHandler<residentEventsV1.ContractChanged> {
  readonly contract = ContractChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ contract, residentIdNumber }: residentEventsV1.ContractChanged): Promise<void> {
    if (!contract?.id) return;
    await this.view.upsertContract({
      id: contract.id,
      residentIdNumber,
      teamId: contract.teamId,
      status: contractStatusOf(contract.status),
      startDate: contract.startDate,
      endDate: contract.endDate,
      version: contract.version,
    });
  }
}

/** Topic medgrid.registry.grid.v1 (compacted) → known_grid: the city of each grid. */
@Injectable()
export class GridRegisteredKafkaConsumer implements EventHandler<registryEventsV1.GridRegistered> {
  readonly contract = GridRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ grid }: registryEventsV1.GridRegistered): Promise<void> {
    if (!grid?.id || !grid.cityId) return;
    await this.view.upsertGrid({ id: grid.id, cityId: grid.cityId });
  }
}

/** Topic medgrid.registry.grid.v1 (compacted, shared with grids) → known_city. */
@Injectable()
export class CityRegisteredKafkaConsumer implements EventHandler<registryEventsV1.CityRegistered> {
  readonly contract = CityRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ city }: registryEventsV1.CityRegistered): Promise<void> {
    if (!city?.id) return;
    await this.view.upsertCity({ id: city.id, divisionCode: city.divisionCode, name: city.name });
  }
}
