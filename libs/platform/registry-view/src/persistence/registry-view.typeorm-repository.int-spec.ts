import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@medgrid/database';
import { aResidentId, type MigratedTestDatabase } from '@medgrid/testing';
import {
  type KnownContract,
  type KnownGroup,
  type KnownInstitution,
  type KnownPractitioner,
} from '../registry-view';
import { registryViewTestDatabase } from '../test/registry-view-test-database';
import { RegistryViewTypeormRepository } from './registry-view.typeorm-repository';

describe(RegistryViewTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: RegistryViewTypeormRepository;

  beforeAll(async () => {
    database = await registryViewTestDatabase('registry_view_repository');
    uow = new UnitOfWork(database.dataSource);
    sut = new RegistryViewTypeormRepository(uow);
  });

  afterAll(async () => {
    await database?.close();
  });

  const anInstitution = (overrides: Partial<KnownInstitution> = {}): KnownInstitution => ({
    id: randomUUID(),
    groupId: randomUUID(),
    level: 'tertiary',
    type: 'general-hospital',
    version: 1,
    ...overrides,
  });
  const aPractitioner = (overrides: Partial<KnownPractitioner> = {}): KnownPractitioner => ({
    id: randomUUID(),
    licenceNumber: `1103201${Math.floor(Math.random() * 1e8)}`,
    name: '张医生',
    title: 'attending',
    specialtyCode: '12.02',
    homeInstitutionId: randomUUID(),
    version: 1,
    ...overrides,
  });
  const aGroup = (overrides: Partial<KnownGroup> = {}): KnownGroup => ({
    id: randomUUID(),
    gridId: randomUUID(),
    leadInstitutionId: randomUUID(),
    members: [],
    version: 1,
    ...overrides,
  });
  const aContract = (overrides: Partial<KnownContract> = {}): KnownContract => ({
    id: randomUUID(),
    residentIdNumber: aResidentId(),
    teamId: randomUUID(),
    status: 'active',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    version: 1,
    ...overrides,
  });

  describe('versioned projections', () => {
    it('keeps an institution and reads it back as it was upserted, its type too', async () => {
      const institution = anInstitution({
        groupId: null,
        level: 'primary',
        type: 'shared-centre',
        version: 3,
      });

      await sut.upsertInstitution(institution);

      expect(await sut.institution(institution.id)).toEqual(institution);
    });

    it('overwrites an institution with a newer version, and ignores an older or repeated one', async () => {
      const institution = anInstitution({ version: 2 });
      await sut.upsertInstitution(institution);

      await sut.upsertInstitution({ ...institution, level: 'secondary', version: 1 });
      await sut.upsertInstitution({ ...institution, level: 'secondary', version: 2 });
      expect(await sut.institution(institution.id)).toEqual(institution);

      await sut.upsertInstitution({ ...institution, level: 'secondary', groupId: null, version: 3 });
      expect(await sut.institution(institution.id)).toEqual({
        ...institution,
        level: 'secondary',
        groupId: null,
        version: 3,
      });
    });

    it('keeps a practitioner, overwritten by a newer version only', async () => {
      const practitioner = aPractitioner({ version: 2 });
      await sut.upsertPractitioner(practitioner);

      await sut.upsertPractitioner({ ...practitioner, specialtyCode: '12.06', version: 1 });
      await sut.upsertPractitioner({ ...practitioner, specialtyCode: '12.06', version: 2 });
      expect(await sut.practitioner(practitioner.id)).toEqual(practitioner);

      const moved = { ...practitioner, homeInstitutionId: randomUUID(), title: 'chief' as const, version: 3 };
      await sut.upsertPractitioner(moved);
      expect(await sut.practitioner(practitioner.id)).toEqual(moved);
    });

    it("lists an institution's practitioners by name, and no one registered elsewhere", async () => {
      const homeInstitutionId = randomUUID();
      const [wang, li] = [
        aPractitioner({ homeInstitutionId, name: '王医生' }),
        aPractitioner({ homeInstitutionId, name: '李医生' }),
      ];
      await sut.upsertPractitioner(wang);
      await sut.upsertPractitioner(li);
      await sut.upsertPractitioner(aPractitioner());

      expect(await sut.practitionersAt(homeInstitutionId)).toEqual(
        [wang, li].sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
    });

    it('keeps a group with its members and grid, newest version only', async () => {
      const group = aGroup({
        members: [
          { institutionId: randomUUID(), role: 'lead' },
          { institutionId: randomUUID(), role: 'collaborating' },
        ],
        version: 5,
      });
      await sut.upsertGroup(group);

      await sut.upsertGroup({ ...group, members: [], gridId: null, version: 4 });

      expect(await sut.group(group.id)).toEqual(group);
    });

    it('knows a resident by identity number, and a replayed older version does not change the number', async () => {
      const id = randomUUID();
      const number = aResidentId();
      const older = aResidentId();
      await sut.upsertResident({ id, residentIdNumber: number, version: 2 });

      await sut.upsertResident({ id, residentIdNumber: older, version: 1 });

      expect(await sut.isRegisteredResident(number)).toBe(true);
      expect(await sut.isRegisteredResident(older)).toBe(false);
    });

    it('keeps versions beyond 2^31 (bigint), comparing them as numbers', async () => {
      const institution = anInstitution({ version: 2 ** 40 });
      await sut.upsertInstitution(institution);

      await sut.upsertInstitution({ ...institution, level: 'primary', version: 9 });

      expect(await sut.institution(institution.id)).toEqual(institution);
    });
  });

  describe('projections without a version', () => {
    it('overwrites a department with the last event read', async () => {
      const institutionId = randomUUID();
      const department = { id: randomUUID(), institutionId, specialtyCode: 'cardiology' };
      await sut.upsertDepartment(department);

      await sut.upsertDepartment({ ...department, specialtyCode: 'neurology' });

      expect(await sut.department(department.id)).toEqual({ ...department, specialtyCode: 'neurology' });
    });

    it('keeps a city and reads it back', async () => {
      const city = { id: randomUUID(), divisionCode: '320500', name: '苏州市' };

      await sut.upsertCity(city);
      await sut.upsertCity({ ...city, name: '苏州' });

      expect(await sut.city(city.id)).toEqual({ ...city, name: '苏州' });
    });

    it('answers null for what it has not been told of', async () => {
      const unknown = randomUUID();

      expect(await sut.institution(unknown)).toBeNull();
      expect(await sut.department(unknown)).toBeNull();
      expect(await sut.group(unknown)).toBeNull();
      expect(await sut.city(unknown)).toBeNull();
      expect(await sut.practitioner(unknown)).toBeNull();
      expect(await sut.practitionersAt(unknown)).toEqual([]);
    });
  });

  describe('departmentsOf', () => {
    it('lists the departments of the given institutions only', async () => {
      const [a, b, other] = [randomUUID(), randomUUID(), randomUUID()];
      const departments = [
        { id: randomUUID(), institutionId: a, specialtyCode: 'cardiology' },
        { id: randomUUID(), institutionId: a, specialtyCode: 'orthopaedics' },
        { id: randomUUID(), institutionId: b, specialtyCode: 'paediatrics' },
      ];
      for (const department of departments) await sut.upsertDepartment(department);
      await sut.upsertDepartment({ id: randomUUID(), institutionId: other, specialtyCode: 'ophthalmology' });

      const listed = await sut.departmentsOf([a, b]);

      expect(listed).toHaveLength(3);
      expect(listed).toEqual(expect.arrayContaining(departments));
    });

    it('answers no departments for no institutions', async () => {
      expect(await sut.departmentsOf([])).toEqual([]);
    });
  });

  describe('cityOfInstitution', () => {
    it("follows the institution's group to its grid and the grid's city", async () => {
      const cityId = randomUUID();
      const gridId = randomUUID();
      const group = aGroup({ gridId });
      const institution = anInstitution({ groupId: group.id });
      await sut.upsertInstitution(institution);
      await sut.upsertGroup(group);
      expect(await sut.cityOfInstitution(institution.id)).toBeNull();

      await sut.upsertGrid({ id: gridId, cityId });

      expect(await sut.cityOfInstitution(institution.id)).toBe(cityId);
    });

    it('answers null for an institution without a group, or whose group has no grid yet', async () => {
      const loner = anInstitution({ groupId: null });
      const group = aGroup({ gridId: null });
      const member = anInstitution({ groupId: group.id });
      await sut.upsertInstitution(loner);
      await sut.upsertGroup(group);
      await sut.upsertInstitution(member);

      expect(await sut.cityOfInstitution(loner.id)).toBeNull();
      expect(await sut.cityOfInstitution(member.id)).toBeNull();
      expect(await sut.cityOfInstitution(randomUUID())).toBeNull();
    });
  });

  describe('standingOf', () => {
    it("counts the institution's own group and the groups that list it as lead or member; collaborations apart", async () => {
      const institution = anInstitution();
      const led = aGroup({ members: [{ institutionId: institution.id, role: 'lead' }] });
      const joined = aGroup({ members: [{ institutionId: institution.id, role: 'member' }] });
      const helped = aGroup({ members: [{ institutionId: institution.id, role: 'collaborating' }] });
      await sut.upsertInstitution(institution);
      for (const group of [led, joined, helped]) await sut.upsertGroup(group);

      const standing = await sut.standingOf(institution.id);

      expect(standing?.belongsTo.sort()).toEqual([institution.groupId, led.id, joined.id].sort());
      expect(standing?.collaboratesWith).toEqual([helped.id]);
    });

    it('knows an institution only a group lists, before its own event arrives', async () => {
      const institutionId = randomUUID();
      const group = aGroup({ members: [{ institutionId, role: 'collaborating' }] });
      await sut.upsertGroup(group);

      expect(await sut.standingOf(institutionId)).toEqual({ belongsTo: [], collaboratesWith: [group.id] });
    });

    it('answers null for an institution neither kept nor listed by a group', async () => {
      expect(await sut.standingOf(randomUUID())).toBeNull();
    });
  });

  describe('contractedInstitutions', () => {
    it("answers the home institutions of the resident's active contracts in force on the date, once each", async () => {
      const residentIdNumber = aResidentId();
      const home = randomUUID();
      const [team, secondTeamOfHome, endedTeam, laterTeam] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await sut.upsertTeam({ id: team, institutionId: home, groupId: randomUUID(), version: 1 });
      await sut.upsertTeam({ id: secondTeamOfHome, institutionId: home, groupId: randomUUID(), version: 1 });
      await sut.upsertTeam({ id: endedTeam, institutionId: randomUUID(), groupId: randomUUID(), version: 1 });
      await sut.upsertTeam({ id: laterTeam, institutionId: randomUUID(), groupId: randomUUID(), version: 1 });
      await sut.upsertContract(aContract({ residentIdNumber, teamId: team }));
      await sut.upsertContract(
        aContract({ residentIdNumber, teamId: secondTeamOfHome, endDate: '2027-06-30' }),
      );
      await sut.upsertContract(aContract({ residentIdNumber, teamId: endedTeam, status: 'ended' }));
      await sut.upsertContract(aContract({ residentIdNumber, teamId: laterTeam, startDate: '2027-07-01' }));

      expect(await sut.contractedInstitutions(residentIdNumber, '2027-06-30')).toEqual([home]);
      expect(await sut.contractedInstitutions(aResidentId(), '2027-06-30')).toEqual([]);
    });

    it('follows a newer version of a contract and of its team, and ignores an older one', async () => {
      const residentIdNumber = aResidentId();
      const [first, moved] = [randomUUID(), randomUUID()];
      const team = { id: randomUUID(), institutionId: first, groupId: randomUUID(), version: 2 };
      const contract = aContract({ residentIdNumber, teamId: team.id, version: 2 });
      await sut.upsertTeam(team);
      await sut.upsertContract(contract);

      await sut.upsertContract({ ...contract, status: 'ended', version: 1 });
      await sut.upsertTeam({ ...team, institutionId: moved, version: 3 });
      expect(await sut.contractedInstitutions(residentIdNumber, '2027-03-01')).toEqual([moved]);

      await sut.upsertContract({ ...contract, status: 'expired', version: 3 });
      expect(await sut.contractedInstitutions(residentIdNumber, '2027-03-01')).toEqual([]);
    });
  });

  it("writes in the caller's transaction: a rolled-back upsert leaves nothing", async () => {
    const institution = anInstitution();

    await expect(
      uow.run(async () => {
        await sut.upsertInstitution(institution);
        expect(await sut.institution(institution.id)).toEqual(institution);
        throw new Error('the event failed later');
      }),
    ).rejects.toThrow('the event failed later');

    expect(await sut.institution(institution.id)).toBeNull();
  });
});
