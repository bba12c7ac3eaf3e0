import { UnitOfWork } from '@medgrid/database';
import { ResidentId } from '@medgrid/kernel';
import { aCreditCode, aResidentId, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { registryDataSource } from '../database/registry-data-source';
import { type City, type Grid } from '../organisation/domain/geography';
import { Institution, type InstitutionSnapshot } from '../organisation/domain/institution';
import {
  type InstitutionLevel,
  type InstitutionType,
} from '../organisation/domain/institution-classification';
import { MedicalGroup, type MedicalGroupSnapshot } from '../organisation/domain/medical-group';
import { GeographyTypeormRepository } from '../organisation/infrastructure/persistence/geography.typeorm-repository';
import { InstitutionTypeormRepository } from '../organisation/infrastructure/persistence/institution.typeorm-repository';
import { MedicalGroupTypeormRepository } from '../organisation/infrastructure/persistence/medical-group.typeorm-repository';
import { Resident, type ResidentSnapshot } from '../residents/domain/resident';
import { ResidentTypeormRepository } from '../residents/infrastructure/persistence/resident.typeorm-repository';
import {
  FamilyDoctorTeam,
  type FamilyDoctorTeamSnapshot,
  type TeamMember,
} from '../workforce/domain/family-doctor-team';
import { type PractitionerSnapshot } from '../workforce/domain/practitioner';
import { FamilyDoctorTeamTypeormRepository } from '../workforce/infrastructure/persistence/family-doctor-team.typeorm-repository';
import { PractitionerTypeormRepository } from '../workforce/infrastructure/persistence/practitioner.typeorm-repository';

let sequence = 0;

/** A fresh registry database for one integration test file, migrated; `close` drops it. */
export class RegistryTestDatabase {
  readonly uow: UnitOfWork;
  readonly given: RegistryFixtures;

  private constructor(private readonly database: MigratedTestDatabase) {
    this.uow = new UnitOfWork(database.dataSource);
    this.given = new RegistryFixtures(this.uow);
  }

  static async create(label: string): Promise<RegistryTestDatabase> {
    return new RegistryTestDatabase(
      await MigratedTestDatabase.create(label, (url) => registryDataSource(url, 4)),
    );
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/**
 * The rows a registry repository's integration test stands on (cities, grids, institutions,
 * ...), written through the repositories themselves; each call makes new ones.
 */
export class RegistryFixtures {
  private readonly geography: GeographyTypeormRepository;
  private readonly institutions: InstitutionTypeormRepository;
  private readonly groups: MedicalGroupTypeormRepository;
  private readonly practitioners: PractitionerTypeormRepository;
  private readonly teams: FamilyDoctorTeamTypeormRepository;
  private readonly residents: ResidentTypeormRepository;

  constructor(uow: UnitOfWork) {
    this.geography = new GeographyTypeormRepository(uow);
    this.institutions = new InstitutionTypeormRepository(uow);
    this.groups = new MedicalGroupTypeormRepository(uow);
    this.practitioners = new PractitionerTypeormRepository(uow);
    this.teams = new FamilyDoctorTeamTypeormRepository(uow);
    this.residents = new ResidentTypeormRepository(uow);
  }

  /** A new city, as stored. */
  async city(): Promise<City> {
    const n = ++sequence;
    const city: City = { id: uuidv7(), divisionCode: `${String(1000 + n)}00`, name: `城市${n}` };
    await this.geography.insertCity(city);
    return city;
  }

  /** A new grid of a new city, or of `cityId`. */
  async grid(cityId?: string): Promise<Grid> {
    const n = ++sequence;
    const grid: Grid = {
      id: uuidv7(),
      cityId: cityId ?? (await this.city()).id,
      code: `G${n}`,
      name: `网格${n}`,
    };
    await this.geography.insertGrid(grid);
    return grid;
  }

  /** A new institution (a primary community health centre unless said) of a new grid unless said. */
  async institution(
    details: {
      gridId?: string;
      groupId?: string | null;
      level?: InstitutionLevel;
      type?: InstitutionType;
      name?: string;
    } = {},
  ): Promise<InstitutionSnapshot> {
    const n = ++sequence;
    const institution = Institution.restore({
      id: uuidv7(),
      creditCode: aCreditCode(),
      name: details.name ?? `机构${n}`,
      level: details.level ?? 'primary',
      type: details.type ?? 'community-health-centre',
      gridId: details.gridId ?? (await this.grid()).id,
      address: `${n}号路`,
      groupId: details.groupId ?? null,
      version: 1,
    });
    await this.institutions.insert(institution);
    return institution.snapshot();
  }

  /** A new medical group of a grid, without members. */
  async group(gridId: string): Promise<MedicalGroupSnapshot> {
    const group = MedicalGroup.create({ id: uuidv7(), gridId, name: `集团${++sequence}` });
    await this.groups.insert(group);
    return group.snapshot();
  }

  /** A new practitioner at a home institution. */
  async practitioner(
    homeInstitutionId: string,
    details: { name?: string; specialtyCode?: string } = {},
  ): Promise<PractitionerSnapshot> {
    const n = ++sequence;
    const practitioner: PractitionerSnapshot = {
      id: uuidv7(),
      licenceNumber: `L${String(n).padStart(14, '0')}`,
      name: details.name ?? `医生${n}`,
      title: 'attending',
      specialtyCode: details.specialtyCode ?? '03',
      homeInstitutionId,
      version: 1,
    };
    await this.practitioners.insert(practitioner);
    return practitioner;
  }

  /** A new team at an institution of a group, with a new general practitioner of it unless members are given. */
  async team(
    institution: { id: string; groupId: string },
    members?: readonly TeamMember[],
  ): Promise<FamilyDoctorTeamSnapshot> {
    const team = FamilyDoctorTeam.restore({
      id: uuidv7(),
      institutionId: institution.id,
      groupId: institution.groupId,
      name: `团队${++sequence}`,
      members: members ?? [
        { practitionerId: (await this.practitioner(institution.id)).id, role: 'general-practitioner' },
      ],
      version: 1,
    });
    await this.teams.insert(team);
    return team.snapshot();
  }

  /** A new resident of a grid (not stored), with a valid ID number. */
  newResident(gridId: string, name = `居民${++sequence}`): Resident {
    return Resident.register({
      id: uuidv7(),
      residentId: ResidentId.parse(aResidentId()) as ResidentId,
      name,
      phone: '13800138000',
      gridId,
    });
  }

  /** A new resident of a grid, as stored. */
  async resident(gridId: string, name?: string): Promise<ResidentSnapshot> {
    const resident = this.newResident(gridId, name);
    await this.residents.insert(resident);
    return resident.snapshot();
  }
}
