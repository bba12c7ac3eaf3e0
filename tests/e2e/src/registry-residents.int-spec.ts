import { status } from '@grpc/grpc-js';
import { peopleV1, residentEventsV1, TOPICS } from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import { createKafka, decodeEnvelope } from '@medgrid/messaging';
import { addDays, localDate } from '@medgrid/kernel';
import {
  aResidentId,
  aResidentIdBornOn,
  anIdentity,
  testKafkaBrokers,
  uniqueSuffix,
  waitFor,
} from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { RegistryHarness } from './registry-harness';

const { PopulationTag: Tag, ContractStatus: Status } = peopleV1;

/** Residents and contracts through the registry's gRPC API: rules, access, audit and events. */
describe('registry resident service', () => {
  const registry = new RegistryHarness();
  const fails = RegistryHarness.fails;
  let sql: PgClient;
  let gridId: string;
  let groupId: string;
  let teamId: string;
  let farTeamId: string;
  /** A member institution of the group, and one of another group: whom the tokens speak for. */
  let centreId: string;
  let far: { teamId: string; groupId: string; centreId: string };

  const residents = () => registry.residents;
  const register = async (residentIdNumber = aResidentId(), name = '张三') =>
    (
      await registry.call(residents(), residents().registerResident, {
        clientRequestId: uuidv7(),
        residentIdNumber,
        name,
        phone: '13800138000',
        gridId,
      })
    ).resident!;
  const sign = (residentId: string, team = teamId, tags: peopleV1.PopulationTag[] = []) =>
    registry.call(residents(), residents().signContract, {
      clientRequestId: uuidv7(),
      residentId,
      teamId: team,
      startDate: '',
      tags,
    });

  beforeAll(async () => {
    await registry.start('e2e_registry_residents');
    sql = new PgClient({ connectionString: registry.db.url });
    await sql.connect();
    gridId = (await registry.newGrid()).id;
    ({ teamId, groupId, centreId } = await registry.teamIn(gridId));
    far = await registry.teamIn((await registry.newGrid()).id);
    farTeamId = far.teamId;
  });

  afterAll(async () => {
    await sql?.end();
    await registry.stop();
  });

  it('derives birth date and sex from the ID number', async () => {
    const resident = await register('11010519491231002X', '李奶奶');

    expect(resident).toMatchObject({ birthDate: '1949-12-31', sex: 'female', gridId, version: 1 });
  });

  it('refuses an ID number with a wrong check character, and a second registration of one', async () => {
    const valid = aResidentId();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

    expect(await fails(register(wrong))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [
        expect.objectContaining({ field: 'residentIdNumber', reason: 'INVALID_CHECK_CHARACTER' }),
      ],
    });
    await register(valid);
    expect(await fails(register(valid))).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'DUPLICATE_RESIDENT_ID_NUMBER',
    });
  });

  it.each([
    ['tomorrow in Shanghai', () => addDays(localDate(new Date()), 1), 'BIRTH_DATE_IN_FUTURE'],
    ['2099-12-31', () => '2099-12-31', 'BIRTH_DATE_IN_FUTURE'],
    ['1899-12-31', () => '1899-12-31', 'INVALID_BIRTH_DATE'],
    ['30 February', () => '2000-02-30', 'INVALID_BIRTH_DATE'],
  ])(
    'refuses an ID number with a right check character born %s, and registers nobody',
    async (_, date, reason) => {
      const id = aResidentIdBornOn(date());

      expect(await fails(register(id))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'residentIdNumber', reason })],
      });
      expect((await sql.query(`SELECT 1 FROM resident WHERE resident_id_number = $1`, [id])).rows).toEqual(
        [],
      );
    },
  );

  it('signs one active contract, tells a HIS the resident’s team, and audits the look-up', async () => {
    const resident = await register(aResidentId(), '王大爷');
    const { contract } = await sign(resident.id, teamId, [Tag.POPULATION_TAG_HYPERTENSION]);
    const hospitalStaff = await registry.auth.token(
      anIdentity({ role: 'hospital-staff', institutionId: centreId, groupId }),
    );

    const care = await registry.call(
      residents(),
      residents().getResidentCare,
      { residentIdNumber: resident.residentIdNumber },
      hospitalStaff,
    );

    expect(contract).toMatchObject({ status: Status.CONTRACT_STATUS_ACTIVE, groupId, teamId });
    expect(care).toMatchObject({ groupId, contract: { id: contract!.id }, team: { id: teamId } });
    const audit = await sql.query(
      `SELECT purpose FROM audit_log WHERE subject_kind = 'resident' AND subject_id = $1`,
      [resident.id],
    );
    expect(audit.rows).toEqual([{ purpose: 'treatment' }]);
    expect(await fails(sign(resident.id))).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT',
    });
  });

  it('lets a resident sign again after ending the contract', async () => {
    const resident = await register();
    const { contract } = await sign(resident.id);

    const { contract: ended } = await registry.call(residents(), residents().endContract, {
      clientRequestId: uuidv7(),
      contractId: contract!.id,
    });
    const { contract: next } = await sign(resident.id);

    expect(ended).toMatchObject({ status: Status.CONTRACT_STATUS_ENDED });
    expect(next).toMatchObject({ status: Status.CONTRACT_STATUS_ACTIVE });
  });

  it('refuses a team from a group that does not serve the resident’s grid', async () => {
    const resident = await register();

    expect(await fails(sign(resident.id, farTeamId))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'TEAM_DOES_NOT_SERVE_RESIDENT_GRID',
    });
  });

  it('hides a resident from staff of another group', async () => {
    const resident = await register();
    const stranger = await registry.auth.token(
      anIdentity({ role: 'hospital-staff', institutionId: far.centreId, groupId: far.groupId }),
    );

    const error = await fails(
      registry.call(
        residents(),
        residents().getResident,
        { id: resident.id, residentIdNumber: '' },
        stranger,
      ),
    );

    expect(error).toMatchObject({ code: status.NOT_FOUND });
  });

  it('publishes residents without name or phone', async () => {
    const name = `隐私${uniqueSuffix()}`;
    const resident = await register(aResidentId(), name);
    const kafka = createKafka(
      { brokers: testKafkaBrokers(), clientId: 'e2e-privacy' },
      createLogger({ service: 'e2e', level: 'warn' }),
    );
    const consumer = kafka.consumer({ groupId: `e2e-privacy-${uniqueSuffix()}`, maxWaitTimeInMs: 200 });
    let raw: Buffer | undefined;
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.registryResident.name, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (message.value && decodeEnvelope(message.value).aggregateId === resident.id) raw = message.value;
        return Promise.resolve();
      },
    });
    try {
      await waitFor('the resident’s event', () => Promise.resolve(raw));
    } finally {
      await consumer.disconnect();
    }

    const payload = residentEventsV1.ResidentChanged.decode(decodeEnvelope(raw!).payload);
    expect(payload.resident).toMatchObject({
      id: resident.id,
      residentIdNumber: resident.residentIdNumber,
      gridId,
    });
    expect(raw!.toString('utf8')).not.toContain(name);
    expect(raw!.toString('utf8')).not.toContain('13800138000');
  });

  it('searches a grid’s residents page by page and audits every resident returned', async () => {
    const name = `检索${uniqueSuffix()}`;
    const found = [
      await register(aResidentId(), `${name}甲`),
      await register(aResidentId(), `${name}乙`),
      await register(aResidentId(), `${name}丙`),
    ];
    const groupAdmin = await registry.auth.token(
      anIdentity({ role: 'group-admin', institutionId: centreId, groupId }),
    );
    const search = (pageToken: string, token: string) =>
      registry.call(
        residents(),
        residents().searchResidents,
        { gridId, nameContains: name, pageSize: 2, pageToken },
        token,
      );

    const first = await search('', groupAdmin);
    const second = await search(first.nextPageToken, groupAdmin);

    expect([...first.residents, ...second.residents].map((r) => r.id).sort()).toEqual(
      found.map((r) => r.id).sort(),
    );
    expect(second.nextPageToken).toBe('');
    const audited = await sql.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = ANY($1)`, [
      found.map((r) => r.id),
    ]);
    expect(audited.rows[0]).toEqual({ n: 3 });
    const stranger = await registry.auth.token(
      anIdentity({ role: 'group-admin', institutionId: far.centreId, groupId: far.groupId }),
    );
    expect(await fails(search('', stranger))).toMatchObject({ code: status.PERMISSION_DENIED });
  });
});
