import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  ContractChangedEvent,
  type EventContract,
  InstitutionChangedEvent,
  MedicalGroupChangedEvent,
  peopleV1,
  registryV1,
  ResidentChangedEvent,
  TeamChangedEvent,
} from '@medgrid/contracts';
import { addDays, addMonths, localDate } from '@medgrid/kernel';
import { aResidentId, anIdentity, uniqueSuffix } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { type UnaryMethod } from './grpc-call';
import { outboxEventCount } from './outbox';
import { RegistryHarness } from './registry-harness';

const { InstitutionLevel: L, MembershipRole: R } = registryV1;
const { PractitionerTitle: Title, TeamMemberRole: Role, ContractStatus } = peopleV1;

/**
 * The registry's lists, updates and removals over gRPC against its real
 * database: what each one changes, what it refuses, who may call it, and the
 * event each change leaves in the outbox for the other services.
 */
describe('registry changes and lists', () => {
  const registry = new RegistryHarness();
  const fails = RegistryHarness.fails;
  let sql: PgClient;
  let licence = 200000000000000 + Math.floor(Math.random() * 1e9);

  const as = async (identity: Identity) => registry.auth.token(identity);
  /** A call as the identity, or as the harness's city operator when none is given. */
  const callAs = async <Req, Res>(
    client: Parameters<RegistryHarness['call']>[0],
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity?: Identity,
  ) => registry.call(client, method, request, identity ? await as(identity) : undefined);
  const org = () => registry.organisation;
  const workforce = () => registry.workforce;
  const residents = () => registry.residents;
  const outboxEvents = <T>(key: string, event: EventContract<T>) => outboxEventCount(sql, key, event);

  /** A complete group on a new grid (a tertiary lead, a secondary hospital, a community centre) and its people. */
  const newGroup = async () => {
    const { gridId, group, lead, secondary, centre } = await registry.completeGroup();
    return {
      gridId,
      groupId: group.id,
      lead,
      secondary,
      centre,
      admin: anIdentity({ role: 'group-admin', institutionId: lead.id, groupId: group.id }),
      leadStaff: anIdentity({ role: 'hospital-staff', institutionId: lead.id, groupId: group.id }),
      centreStaff: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
  };

  const registerPractitioner = async (
    homeInstitutionId: string,
    name: string,
    specialtyCode = '02',
    title = Title.PRACTITIONER_TITLE_ATTENDING,
  ) =>
    (
      await registry.call(workforce(), workforce().registerPractitioner, {
        clientRequestId: uuidv7(),
        licenceNumber: String(++licence),
        name,
        title,
        specialtyCode,
        homeInstitutionId,
      })
    ).practitioner!;

  beforeAll(async () => {
    await registry.start('e2e_registry_changes');
    sql = new PgClient({ connectionString: registry.db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await registry.stop();
  });

  describe('ListGrids', () => {
    it('lists the city’s grids by code, and no other city’s', async () => {
      const { city } = await registry.call(org(), org().registerCity, {
        clientRequestId: uuidv7(),
        divisionCode: '440200',
        name: '韶关市',
      });
      const grid = (code: string, name: string) =>
        registry
          .call(org(), org().registerGrid, { clientRequestId: uuidv7(), cityId: city!.id, code, name })
          .then((r) => r.grid!);
      const b = await grid('SG-B', '浈江区');
      const a = await grid('SG-A', '武江区');
      await registry.newGrid(); // in the harness's city

      const { grids } = await registry.call(org(), org().listGrids, { cityId: city!.id });

      expect(grids).toEqual([a, b]);
      expect(a).toMatchObject({ cityId: city!.id, code: 'SG-A', name: '武江区' });
    });

    it('refuses a city that does not exist, and an id that is not one', async () => {
      expect(await fails(registry.call(org(), org().listGrids, { cityId: uuidv7() }))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'cityId' })],
      });
      expect(await fails(registry.call(org(), org().listGrids, { cityId: 'guangzhou' }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'cityId' })],
      });
    });
  });

  describe('UpdateInstitution', () => {
    const updateRequest = (
      institution: registryV1.Institution,
      changes: Partial<registryV1.Institution>,
    ) => ({
      id: institution.id,
      expectedVersion: institution.version,
      name: changes.name ?? institution.name,
      level: changes.level ?? institution.level,
      type: changes.type ?? institution.type,
      address: changes.address ?? institution.address,
      clientRequestId: uuidv7(),
    });
    const update = async (
      institution: registryV1.Institution,
      changes: Partial<registryV1.Institution>,
      identity?: Identity,
    ) =>
      callAs(org(), org().updateInstitution, updateRequest(institution, changes), identity).then(
        (r) => r.institution!,
      );
    const read = (id: string) =>
      registry.call(org(), org().getInstitution, { id }).then((r) => r.institution!);

    it('changes the details the group administrator sends, bumps the version and announces it', async () => {
      const g = await newGroup();
      const before = await read(g.secondary.id);
      const eventsBefore = await outboxEvents(before.id, InstitutionChangedEvent);

      const updated = await update(
        before,
        { name: '黄埔区第二人民医院', address: '广州市黄埔区大沙东路' },
        g.admin,
      );

      expect(updated).toMatchObject({
        id: before.id,
        name: '黄埔区第二人民医院',
        address: '广州市黄埔区大沙东路',
        level: before.level,
        groupId: g.groupId,
        version: before.version + 1,
      });
      expect(await read(before.id)).toEqual(updated);
      expect(await outboxEvents(before.id, InstitutionChangedEvent)).toBe(eventsBefore + 1);
    });

    it('answers a retried update with the updated institution, changing it once, and refuses its id for another update', async () => {
      const g = await newGroup();
      const before = await read(g.secondary.id);
      const eventsBefore = await outboxEvents(before.id, InstitutionChangedEvent);

      const { institution } = await registry.expectRetryAnswered(
        org(),
        org().updateInstitution,
        updateRequest(before, { name: '黄埔区红十字会医院' }),
        { name: '黄埔区第三人民医院' },
      );

      expect(institution).toMatchObject({ name: '黄埔区红十字会医院', version: before.version + 1 });
      expect(await read(before.id)).toEqual(institution);
      expect(await outboxEvents(before.id, InstitutionChangedEvent)).toBe(eventsBefore + 1);
    });

    it('refuses a change made on a stale version, and keeps the newer one', async () => {
      const g = await newGroup();
      const stale = await read(g.centre.id);
      const newer = await update(stale, { name: '夏港街社区卫生服务中心' });

      const error = await fails(update(stale, { name: '旧名' }));

      expect(error).toMatchObject({ code: status.ABORTED, reason: 'VERSION_CONFLICT' });
      expect(await read(g.centre.id)).toEqual(newer);
    });

    it('keeps a group’s lead a tertiary general hospital', async () => {
      const g = await newGroup();
      const lead = await read(g.lead.id);

      const error = await fails(update(lead, { level: L.INSTITUTION_LEVEL_SECONDARY }));

      expect(error).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'LEAD_MUST_BE_TERTIARY_GENERAL_HOSPITAL',
      });
      expect(await read(g.lead.id)).toEqual(lead);
    });

    it('lets neither the institution’s own staff nor another group’s administrator change it', async () => {
      const g = await newGroup();
      const other = await newGroup();
      const before = await read(g.centre.id);

      expect(await fails(update(before, { name: 'x' }, g.centreStaff))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await fails(update(before, { name: 'x' }, other.admin))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await read(g.centre.id)).toEqual(before);
    });

    it('names the bad field of an update', async () => {
      const g = await newGroup();
      const before = await read(g.centre.id);

      expect(await fails(update(before, { name: '   ' }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'name' })],
      });
      expect(await fails(update({ ...before, version: 0 }, {}))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'expectedVersion' })],
      });
    });
  });

  describe('RemoveMembership', () => {
    const remove = async (groupId: string, institutionId: string, identity?: Identity) =>
      callAs(
        org(),
        org().removeMembership,
        { groupId, institutionId, clientRequestId: uuidv7() },
        identity,
      ).then((r) => r.group!);
    const groupOf = (id: string) => registry.call(org(), org().getMedicalGroup, { id }).then((r) => r.group!);

    it('takes a member out of the group: the institution belongs to no group and both changes are announced', async () => {
      const g = await newGroup();
      const before = await groupOf(g.groupId);

      const after = await remove(g.groupId, g.centre.id, g.admin);

      expect(after.memberships.map((m) => m.institutionId)).toEqual([g.lead.id, g.secondary.id]);
      expect(after).toMatchObject({
        version: before.version + 1,
        complete: true,
        leadInstitutionId: g.lead.id,
      });
      expect(await groupOf(g.groupId)).toEqual(after);
      const { institution } = await registry.call(org(), org().getInstitution, { id: g.centre.id });
      expect(institution).toMatchObject({ groupId: '' });
      expect(await outboxEvents(g.groupId, MedicalGroupChangedEvent)).toBeGreaterThanOrEqual(5);
      // The centre may join another group now.
      const other = await newGroup();
      await registry.join(other.groupId, g.centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    });

    it('answers a retried removal with the group after it, removing once, and refuses its id for another removal', async () => {
      const g = await newGroup();
      const before = await groupOf(g.groupId);

      const { group } = await registry.expectRetryAnswered(
        org(),
        org().removeMembership,
        { groupId: g.groupId, institutionId: g.centre.id, clientRequestId: uuidv7() },
        { institutionId: g.secondary.id },
      );

      expect(group).toMatchObject({ version: before.version + 1 });
      expect(group!.memberships.map((m) => m.institutionId)).toEqual([g.lead.id, g.secondary.id]);
      expect(await groupOf(g.groupId)).toEqual(group);
    });

    it('keeps a group with members anchored by a secondary hospital and led by its lead', async () => {
      const g = await newGroup();
      const before = await groupOf(g.groupId);

      expect(await fails(remove(g.groupId, g.secondary.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'GROUP_NEEDS_SECONDARY_OR_CONTINUING_CARE_MEMBER',
        fieldViolations: [expect.objectContaining({ field: 'institutionId' })],
      });
      expect(await fails(remove(g.groupId, g.lead.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'LEAD_CANNOT_LEAVE_WHILE_MEMBERS_REMAIN',
      });
      expect(await groupOf(g.groupId)).toEqual(before);
    });

    it('refuses an institution that is not a member, an unknown group, and callers who do not run the group', async () => {
      const g = await newGroup();
      const other = await newGroup();

      expect(await fails(remove(g.groupId, other.centre.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'NOT_A_MEMBER',
      });
      expect(await fails(remove(uuidv7(), g.centre.id))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'groupId' })],
      });
      expect(await fails(remove(g.groupId, g.centre.id, other.admin))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await fails(remove(g.groupId, g.centre.id, g.leadStaff))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });
  });

  describe('ListDepartments', () => {
    it('lists an institution’s departments by specialty code', async () => {
      const g = await newGroup();
      const department = (specialtyCode: string, name: string) =>
        registry
          .call(org(), org().registerDepartment, {
            clientRequestId: uuidv7(),
            institutionId: g.lead.id,
            specialtyCode,
            name,
          })
          .then((r) => r.department!);
      const cardiology = await department('03.04', '心血管内科');
      const general = await department('02', '全科医疗科');
      const respiratory = await department('03.01', '呼吸内科');

      const { departments } = await registry.call(org(), org().listDepartments, { institutionId: g.lead.id });

      expect(departments).toEqual([general, respiratory, cardiology]);
      expect(
        (await registry.call(org(), org().listDepartments, { institutionId: g.centre.id })).departments,
      ).toEqual([]);
    });

    it('refuses an institution that does not exist, and an id that is not one', async () => {
      expect(
        await fails(registry.call(org(), org().listDepartments, { institutionId: uuidv7() })),
      ).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'institutionId' })],
      });
      expect(await fails(registry.call(org(), org().listDepartments, { institutionId: '42' }))).toMatchObject(
        {
          code: status.INVALID_ARGUMENT,
          fieldViolations: [expect.objectContaining({ field: 'institutionId' })],
        },
      );
    });
  });

  describe('UpdateResident', () => {
    const register = async (gridId: string) =>
      (
        await registry.call(residents(), residents().registerResident, {
          clientRequestId: uuidv7(),
          residentIdNumber: aResidentId(),
          name: '张三',
          phone: '13800138000',
          gridId,
        })
      ).resident!;
    type ResidentChanges = { name?: string; phone?: string; gridId?: string };
    const updateRequest = (resident: peopleV1.Resident, changes: ResidentChanges) => ({
      id: resident.id,
      expectedVersion: resident.version,
      name: changes.name ?? resident.name,
      phone: changes.phone ?? resident.phone,
      gridId: changes.gridId ?? resident.gridId,
      clientRequestId: uuidv7(),
    });
    const update = async (resident: peopleV1.Resident, changes: ResidentChanges, identity?: Identity) =>
      callAs(residents(), residents().updateResident, updateRequest(resident, changes), identity).then(
        (r) => r.resident!,
      );
    const read = (id: string) =>
      registry
        .call(residents(), residents().getResident, { id, residentIdNumber: '' })
        .then((r) => r.resident!);

    it('changes name, phone and grid for the serving group’s staff, and announces it', async () => {
      const g = await newGroup();
      const resident = await register(g.gridId);
      const newGrid = await registry.newGrid();

      const updated = await update(
        resident,
        { name: '张三丰', phone: '13900139000', gridId: newGrid.id },
        g.centreStaff,
      );

      expect(updated).toMatchObject({
        id: resident.id,
        residentIdNumber: resident.residentIdNumber,
        name: '张三丰',
        phone: '13900139000',
        gridId: newGrid.id,
        birthDate: resident.birthDate,
        version: resident.version + 1,
      });
      expect(await read(resident.id)).toEqual(updated);
      expect(await outboxEvents(resident.id, ResidentChangedEvent)).toBe(2);
    });

    it('answers a retried update with the resident, changing them once, and refuses its id for another change', async () => {
      const g = await newGroup();
      const resident = await register(g.gridId);

      const { resident: updated } = await registry.expectRetryAnswered(
        residents(),
        residents().updateResident,
        updateRequest(resident, { phone: '13600136000' }),
        { phone: '13500135000' },
      );

      expect(updated).toMatchObject({ phone: '13600136000', version: resident.version + 1 });
      expect(await read(resident.id)).toEqual(updated);
      expect(await outboxEvents(resident.id, ResidentChangedEvent)).toBe(2);
    });

    it('refuses a stale version, an unknown grid and another group’s staff, and changes nothing', async () => {
      const g = await newGroup();
      const other = await newGroup();
      const resident = await register(g.gridId);
      const newer = await update(resident, { phone: '13700137000' });

      expect(await fails(update(resident, { name: '李四' }))).toMatchObject({
        code: status.ABORTED,
        reason: 'VERSION_CONFLICT',
      });
      expect(await fails(update(newer, { gridId: uuidv7() }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'gridId', reason: 'UNKNOWN_GRID' })],
      });
      expect(await fails(update(newer, { name: '李四' }, other.centreStaff))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await read(resident.id)).toEqual(newer);
    });
  });

  describe('RenewContract', () => {
    const sign = async (residentId: string, teamId: string) =>
      (
        await registry.call(residents(), residents().signContract, {
          clientRequestId: uuidv7(),
          residentId,
          teamId,
          startDate: '',
          tags: [],
        })
      ).contract!;
    const renew = async (contractId: string, identity?: Identity, clientRequestId = uuidv7()) =>
      callAs(residents(), residents().renewContract, { clientRequestId, contractId }, identity).then(
        (r) => r.contract!,
      );
    const end = (contractId: string, clientRequestId = uuidv7()) =>
      registry
        .call(residents(), residents().endContract, { clientRequestId, contractId })
        .then((r) => r.contract!);
    /** A contract signed a term ago and ending in `days` days (the registry has no way to sign in the past). */
    const endingIn = async (days: number) => {
      const g = await newGroup();
      const teamId = await registry.newTeam(g.centre.id);
      const { resident } = await registry.call(residents(), residents().registerResident, {
        clientRequestId: uuidv7(),
        residentIdNumber: aResidentId(),
        name: '王五',
        phone: '13800138000',
        gridId: g.gridId,
      });
      const contract = await sign(resident!.id, teamId);
      const endDate = addDays(localDate(new Date()), days);
      const startDate = addDays(addMonths(endDate, -12), 1);
      await sql.query(`UPDATE contract SET start_date = $2, end_date = $3 WHERE id = $1`, [
        contract.id,
        startDate,
        endDate,
      ]);
      return { contract: { ...contract, startDate, endDate }, group: g };
    };

    it('renews a contract near its end for another term from the day after, and announces it', async () => {
      const { contract, group } = await endingIn(20);

      const renewed = await renew(contract.id, group.admin);

      expect(renewed).toMatchObject({
        id: contract.id,
        status: ContractStatus.CONTRACT_STATUS_ACTIVE,
        startDate: contract.startDate,
        endDate: addDays(addMonths(addDays(contract.endDate, 1), 12), -1),
        version: contract.version + 1,
      });
      expect(await outboxEvents(contract.id, ContractChangedEvent)).toBe(2); // signed, renewed
    });

    it('renews once per term: a second renewal request does not add a second term', async () => {
      const { contract } = await endingIn(20);
      const renewed = await renew(contract.id);

      const again = await fails(renew(contract.id));

      expect(again).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'CONTRACT_NOT_YET_RENEWABLE',
        fieldViolations: [expect.objectContaining({ field: 'contractId' })],
      });
      const { rows } = await sql.query<{ end_date: string }>(
        `SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date FROM contract WHERE id = $1`,
        [contract.id],
      );
      expect(rows[0]!.end_date).toBe(renewed.endDate);
    });

    it('answers a retried renewal with the renewed contract, adding no second term, and refuses its id elsewhere', async () => {
      const { contract } = await endingIn(20);
      const { contract: other } = await endingIn(20);
      const clientRequestId = uuidv7();
      const renewed = await renew(contract.id, undefined, clientRequestId);

      const retries = await Promise.all([1, 2, 3].map(() => renew(contract.id, undefined, clientRequestId)));
      const onAnother = await fails(renew(other.id, undefined, clientRequestId));
      const asEnd = await fails(end(contract.id, clientRequestId));

      expect(retries).toEqual([renewed, renewed, renewed]);
      for (const refusal of [onAnother, asEnd]) {
        expect(refusal).toMatchObject({
          code: status.INVALID_ARGUMENT,
          reason: 'CLIENT_REQUEST_REUSED',
          fieldViolations: [expect.objectContaining({ field: 'clientRequestId' })],
        });
      }
      expect(await outboxEvents(contract.id, ContractChangedEvent)).toBe(2); // signed, renewed
      expect((await renew(other.id)).version).toBe(other.version + 1);
    });

    it('answers a retried EndContract with the ended contract', async () => {
      const { contract } = await endingIn(20);
      const clientRequestId = uuidv7();
      const ended = await end(contract.id, clientRequestId);

      expect(await end(contract.id, clientRequestId)).toEqual(ended);
      expect(ended.status).toBe(ContractStatus.CONTRACT_STATUS_ENDED);
    });

    it('refuses a renewal or an end without a request id, naming clientRequestId', async () => {
      const { contract } = await endingIn(20);

      for (const call of [() => renew(contract.id, undefined, ''), () => end(contract.id, '')]) {
        expect(await fails(call())).toMatchObject({
          code: status.INVALID_ARGUMENT,
          fieldViolations: [expect.objectContaining({ field: 'clientRequestId', reason: 'REQUIRED' })],
        });
      }
    });

    it('refuses to renew a contract just signed, an ended one, and one of another group', async () => {
      const grid = await registry.newGrid();
      const { teamId } = await registry.teamIn(grid.id);
      const { resident } = await registry.call(residents(), residents().registerResident, {
        clientRequestId: uuidv7(),
        residentIdNumber: aResidentId(),
        name: '赵六',
        phone: '13800138000',
        gridId: grid.id,
      });
      const fresh = await sign(resident!.id, teamId);
      expect(await fails(renew(fresh.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'CONTRACT_NOT_YET_RENEWABLE',
      });

      const { contract: ending } = await endingIn(10);
      const other = await newGroup();
      expect(await fails(renew(ending.id, other.admin))).toMatchObject({ code: status.PERMISSION_DENIED });

      await end(ending.id);
      expect(await fails(renew(ending.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'CONTRACT_NOT_ACTIVE',
      });
      expect(await fails(renew(uuidv7()))).toMatchObject({ code: status.NOT_FOUND });
    });
  });

  describe('GetPractitioner and SearchPractitioners', () => {
    const suffix = uniqueSuffix();
    let g: Awaited<ReturnType<typeof newGroup>>;
    let people: Record<'gp' | 'cardiologist' | 'respiratory' | 'elsewhere', peopleV1.Practitioner>;
    const search = (
      request: Partial<{
        nameContains: string;
        institutionId: string;
        specialtyCode: string;
        pageSize: number;
        pageToken: string;
      }>,
    ) =>
      registry.call(workforce(), workforce().searchPractitioners, {
        nameContains: suffix,
        institutionId: '',
        specialtyCode: '',
        pageSize: 0,
        pageToken: '',
        ...request,
      });

    beforeAll(async () => {
      g = await newGroup();
      people = {
        gp: await registerPractitioner(g.centre.id, `陈全科${suffix}`, '02'),
        cardiologist: await registerPractitioner(
          g.lead.id,
          `李心内${suffix}`,
          '03.04',
          Title.PRACTITIONER_TITLE_CHIEF,
        ),
        respiratory: await registerPractitioner(g.lead.id, `王呼吸${suffix}`, '03.01'),
        elsewhere: await registerPractitioner(g.secondary.id, `张心内${suffix}`, '03.04'),
      };
    });

    it('returns a practitioner as registered, to any caller', async () => {
      const { practitioner } = await registry.call(
        workforce(),
        workforce().getPractitioner,
        { id: people.cardiologist.id.toUpperCase() },
        await as(g.centreStaff),
      );

      expect(practitioner).toEqual(people.cardiologist);
      expect(practitioner).toMatchObject({ homeInstitutionId: g.lead.id, specialtyCode: '03.04' });
    });

    it('refuses an unknown practitioner and an id that is not one', async () => {
      expect(
        await fails(registry.call(workforce(), workforce().getPractitioner, { id: uuidv7() })),
      ).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'id' })],
      });
      expect(await fails(registry.call(workforce(), workforce().getPractitioner, { id: 'x' }))).toMatchObject(
        {
          code: status.INVALID_ARGUMENT,
          fieldViolations: [expect.objectContaining({ field: 'id' })],
        },
      );
    });

    it('finds practitioners by part of the name, home institution and specialty prefix, ordered by name', async () => {
      const names = (r: { practitioners: peopleV1.Practitioner[] }) => r.practitioners.map((p) => p.id);
      const byName = [people.elsewhere, people.cardiologist, people.respiratory, people.gp]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
        .map((p) => p.id);

      expect(names(await search({}))).toEqual(byName);
      expect(names(await search({ institutionId: g.lead.id }))).toEqual(
        byName.filter((id) => id === people.cardiologist.id || id === people.respiratory.id),
      );
      expect(names(await search({ specialtyCode: '03' }))).toEqual(
        byName.filter((id) => id !== people.gp.id),
      );
      expect(names(await search({ specialtyCode: '03.04' }))).toEqual(
        byName.filter((id) => id === people.cardiologist.id || id === people.elsewhere.id),
      );
      expect(names(await search({ nameContains: `心内${suffix}` }))).toEqual(
        byName.filter((id) => id === people.cardiologist.id || id === people.elsewhere.id),
      );
    });

    it('pages through the matches without repeating one', async () => {
      const first = await search({ pageSize: 3 });
      const second = await search({ pageSize: 3, pageToken: first.nextPageToken });

      expect(first.practitioners).toHaveLength(3);
      expect(second.practitioners).toHaveLength(1);
      expect(second.nextPageToken).toBe('');
      expect(new Set([...first.practitioners, ...second.practitioners].map((p) => p.id)).size).toBe(4);
    });

    it('names the bad field of a search', async () => {
      expect(await fails(search({ institutionId: 'lead' }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'institutionId' })],
      });
      expect(await fails(search({ pageSize: 501 }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'pageSize' })],
      });
    });
  });

  describe('RemoveTeamMember', () => {
    const team = async (institutionId: string, members: peopleV1.TeamMember[]) =>
      (
        await registry.call(workforce(), workforce().createTeam, {
          clientRequestId: uuidv7(),
          institutionId,
          name: `团队-${uuidv7()}`,
          members,
        })
      ).team!;
    const remove = async (teamId: string, practitionerId: string, identity?: Identity) =>
      callAs(
        workforce(),
        workforce().removeTeamMember,
        { teamId, practitionerId, clientRequestId: uuidv7() },
        identity,
      ).then((r) => r.team!);
    const read = (id: string) => registry.call(workforce(), workforce().getTeam, { id }).then((r) => r.team!);

    it('takes a member out of the team for the institution’s staff, and announces it', async () => {
      const g = await newGroup();
      const gp = await registerPractitioner(g.centre.id, '刘全科');
      const manager = await registerPractitioner(g.centre.id, '周健管');
      const made = await team(g.centre.id, [
        { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
        { practitionerId: manager.id, role: Role.TEAM_MEMBER_ROLE_HEALTH_MANAGER },
      ]);

      const after = await remove(made.id, manager.id, g.centreStaff);

      expect(after.members.map((m) => m.practitionerId)).toEqual([gp.id]);
      expect(after.version).toBe(made.version + 1);
      expect(await read(made.id)).toEqual(after);
      expect(await outboxEvents(made.id, TeamChangedEvent)).toBe(2);
    });

    it('answers a retried removal with the team, removing once, and refuses its id for another member', async () => {
      const g = await newGroup();
      const gp = await registerPractitioner(g.centre.id, '冯全科');
      const manager = await registerPractitioner(g.centre.id, '褚健管');
      const specialist = await registerPractitioner(g.lead.id, '卫心内', '03.04');
      const made = await team(g.centre.id, [
        { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
        { practitionerId: manager.id, role: Role.TEAM_MEMBER_ROLE_HEALTH_MANAGER },
        { practitionerId: specialist.id, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
      ]);

      const { team: after } = await registry.expectRetryAnswered(
        workforce(),
        workforce().removeTeamMember,
        { teamId: made.id, practitionerId: manager.id, clientRequestId: uuidv7() },
        { practitionerId: specialist.id },
      );

      expect(after!.members.map((m) => m.practitionerId)).toEqual([gp.id, specialist.id]);
      expect(after!.version).toBe(made.version + 1);
      expect(await read(made.id)).toEqual(after);
      expect(await outboxEvents(made.id, TeamChangedEvent)).toBe(2);
    });

    it('keeps a general practitioner in the team, and refuses a practitioner who is not in it', async () => {
      const g = await newGroup();
      const gp = await registerPractitioner(g.centre.id, '孙全科');
      const made = await team(g.centre.id, [
        { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
      ]);

      expect(await fails(remove(made.id, gp.id))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'TEAM_NEEDS_GENERAL_PRACTITIONER',
        fieldViolations: [expect.objectContaining({ field: 'practitionerId' })],
      });
      expect(await fails(remove(made.id, uuidv7()))).toMatchObject({
        code: status.FAILED_PRECONDITION,
        reason: 'NOT_A_TEAM_MEMBER',
      });
      expect(await read(made.id)).toEqual(made);
    });

    it('refuses another institution’s staff and an unknown team', async () => {
      const g = await newGroup();
      const other = await newGroup();
      const gp = await registerPractitioner(g.centre.id, '吴全科');
      const second = await registerPractitioner(g.centre.id, '郑全科');
      const made = await team(g.centre.id, [
        { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
        { practitionerId: second.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
      ]);

      expect(await fails(remove(made.id, second.id, other.centreStaff))).toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      expect(await fails(remove(uuidv7(), second.id))).toMatchObject({
        code: status.NOT_FOUND,
        fieldViolations: [expect.objectContaining({ field: 'teamId' })],
      });
      expect(await read(made.id)).toEqual(made);
    });
  });
});
