import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  importServiceV1,
  organisationServiceV1,
  registryEventsV1,
  registryV1,
  residentServiceV1,
  TOPICS,
  workforceServiceV1,
} from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import { createKafka, decodeEnvelope } from '@medgrid/messaging';
import { aCreditCode, anIdentity, testKafkaBrokers, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { auditedRefusals, expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { RegistryHarness } from './registry-harness';
import { migrate } from './service-process';

const { InstitutionLevel: L, InstitutionType: T, MembershipRole: R } = registryV1;

/**
 * The registry's organisation API against its real database and Kafka: the
 * rules of a medical group hold at the gRPC edge, bad input names its field,
 * and every change reaches the compacted master-data topics.
 */
describe('registry organisation service', () => {
  const registry = new RegistryHarness();
  let client: RegistryHarness['organisation'];
  const call: RegistryHarness['call'] = (c, method, request, token) =>
    registry.call(c, method, request, token);
  const fails = RegistryHarness.fails;
  /** A primary institution of the grid other than a community health centre (registry.newCentre). */
  const primary = (gridId: string, type: registryV1.InstitutionType, name?: string) =>
    registry.newInstitution(gridId, L.INSTITUTION_LEVEL_PRIMARY, type, name);
  const newGrid = () => registry.newGrid();
  const newGroup = (gridId: string) => registry.newGroup(gridId);
  /** One page of SearchInstitutions; the filters not given are empty. */
  const search = (filters: Partial<organisationServiceV1.SearchInstitutionsRequest>) =>
    call(client, client.searchInstitutions, {
      nameContains: '',
      creditCode: '',
      gridId: '',
      groupId: '',
      level: L.INSTITUTION_LEVEL_UNSPECIFIED,
      type: T.INSTITUTION_TYPE_UNSPECIFIED,
      pageSize: 10,
      pageToken: '',
      ...filters,
    });

  beforeAll(async () => {
    await registry.start('e2e_registry_org');
    client = registry.organisation;
  });

  afterAll(() => registry.stop());

  it('has no schema drift after migrating a fresh database', () => {
    expect(migrate('registry', registry.db.url, 'check')).toEqual({ code: 0, output: '' });
  });

  it('builds a complete group and publishes every institution’s state to the compacted topic', async () => {
    const { group: complete, lead, secondary, centre } = await registry.completeGroup();

    expect(complete).toMatchObject({ leadInstitutionId: lead.id, version: 4, complete: true });
    expect(complete.memberships.map((m) => m.institutionId)).toEqual([lead.id, secondary.id, centre.id]);
    const { institution: read } = await call(client, client.getInstitution, { id: centre.id });
    expect(read).toMatchObject({ groupId: complete.id, version: 2 });

    const latest = await latestInstitutionStates([centre.id, lead.id]);
    expect(latest.get(centre.id)).toMatchObject({
      change: registryEventsV1.InstitutionChange.INSTITUTION_CHANGE_JOINED_GROUP,
      institution: expect.objectContaining({ groupId: complete.id, version: 2 }) as unknown,
    });
    expect(latest.get(lead.id)?.institution?.groupId).toBe(complete.id);
  });

  it('refuses a second lead hospital, naming the rule', async () => {
    const grid = await newGrid();
    const group = await newGroup(grid.id);
    const first = await registry.newHospital(grid.id);
    const second = await registry.newHospital(grid.id);
    await registry.join(group.id, first.id, R.MEMBERSHIP_ROLE_LEAD);

    const error = await fails(registry.join(group.id, second.id, R.MEMBERSHIP_ROLE_LEAD));

    expect(error).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'SECOND_LEAD_HOSPITAL' });
    expect((await call(client, client.getMedicalGroup, { id: group.id })).group!.memberships).toHaveLength(1);
  });

  it('keeps each grid to one group and each member to one group', async () => {
    const grid = await newGrid();
    const otherGrid = await newGrid();
    const group = await newGroup(grid.id);
    const otherGroup = await newGroup(otherGrid.id);
    const centre = await primary(grid.id, T.INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE);
    await registry.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);

    expect(await fails(newGroup(grid.id))).toMatchObject({
      code: status.ALREADY_EXISTS,
      reason: 'GRID_ALREADY_HAS_GROUP',
    });
    expect(await fails(registry.join(otherGroup.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'ALREADY_MEMBER_OF_ANOTHER_GROUP',
    });
  });

  it("lists a city's groups with their members in the order of their grids, and refuses an unknown city", async () => {
    const grid = await newGrid();
    const group = await newGroup(grid.id);
    const centre = await primary(grid.id, T.INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE);
    const joined = await registry.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    await newGrid(); // a grid without a group yet lists nothing

    const { groups } = await call(client, client.listMedicalGroups, { cityId: registry.cityId });
    const { grids } = await call(client, client.listGrids, { cityId: registry.cityId });

    expect(groups.find((g) => g.id === group.id)).toEqual(joined);
    const gridOrder = grids.map((g) => g.id);
    const listedGrids = groups.map((g) => gridOrder.indexOf(g.gridId));
    expect(listedGrids).toEqual([...listedGrids].sort((a, b) => a - b));
    expect(new Set(groups.map((g) => g.gridId)).size).toBe(groups.length);
    expect(await fails(call(client, client.listMedicalGroups, { cityId: randomUUID() }))).toMatchObject({
      code: status.NOT_FOUND,
      fieldViolations: [expect.objectContaining({ field: 'cityId' })],
    });
  });

  it('answers a retried AddMembership with the group, adding the institution once, and refuses its id for another membership', async () => {
    const grid = await newGrid();
    const group = await newGroup(grid.id);
    const centre = await registry.newCentre(grid.id);
    const clinic = await primary(grid.id, T.INSTITUTION_TYPE_VILLAGE_CLINIC);

    const { group: joined } = await registry.expectRetryAnswered(
      client,
      client.addMembership,
      {
        groupId: group.id,
        institutionId: centre.id,
        role: R.MEMBERSHIP_ROLE_MEMBER,
        clientRequestId: uuidv7(),
      },
      { institutionId: clinic.id },
    );

    expect(joined).toMatchObject({ version: group.version + 1 });
    expect(joined!.memberships.map((m) => m.institutionId)).toEqual([centre.id]);
    expect((await call(client, client.getMedicalGroup, { id: group.id })).group).toEqual(joined);
    expect((await call(client, client.getInstitution, { id: clinic.id })).institution!.groupId).toBe('');
  });

  it('lets only one of two concurrent requests put an institution in a group', async () => {
    const [gridA, gridB] = [await newGrid(), await newGrid()];
    const [groupA, groupB] = [await newGroup(gridA.id), await newGroup(gridB.id)];
    const contested = await primary(gridA.id, T.INSTITUTION_TYPE_VILLAGE_CLINIC);

    const results = await Promise.allSettled(
      [groupA, groupB].map((g) => registry.join(g.id, contested.id, R.MEMBERSHIP_ROLE_MEMBER)),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { institution } = await call(client, client.getInstitution, { id: contested.id });
    expect([groupA.id, groupB.id]).toContain(institution!.groupId);
  });

  /** The institutions registered under a credit code. */
  const withCreditCode = async (creditCode: string) => (await search({ creditCode })).institutions;

  it('answers bad input with INVALID_ARGUMENT naming each field, and stores nothing', async () => {
    const error = await fails(
      call(client, client.registerInstitution, {
        clientRequestId: uuidv7(),
        creditCode: '91350100M000100Y44',
        name: '',
        level: L.INSTITUTION_LEVEL_UNSPECIFIED,
        type: T.INSTITUTION_TYPE_GENERAL_HOSPITAL,
        gridId: 'grid-1',
        address: 'x',
      }),
    );

    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['gridId', 'INVALID_FORMAT'],
      ['creditCode', 'INVALID_CHECK_CHARACTER'],
      ['name', 'REQUIRED'],
      ['level', 'REQUIRED'],
    ]);
    const creditCode = aCreditCode();
    const unknownGrid = await fails(
      call(client, client.registerInstitution, {
        clientRequestId: uuidv7(),
        creditCode,
        name: '某医院',
        level: L.INSTITUTION_LEVEL_SECONDARY,
        type: T.INSTITUTION_TYPE_GENERAL_HOSPITAL,
        gridId: uuidv7(),
        address: 'x',
      }),
    );
    expect(unknownGrid).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'UNKNOWN_GRID' });
    expect(unknownGrid.fieldViolations[0]?.field).toBe('gridId');
    expect(await withCreditCode(creditCode)).toEqual([]);
  });

  const retriedInstitution = (gridId: string) => ({
    clientRequestId: uuidv7(),
    creditCode: aCreditCode(),
    name: '重试医院',
    level: L.INSTITUTION_LEVEL_SECONDARY,
    type: T.INSTITUTION_TYPE_TCM_HOSPITAL,
    gridId,
    address: 'x',
  });

  it('returns the same institution for a retried request', async () => {
    const request = retriedInstitution((await newGrid()).id);

    const first = await call(client, client.registerInstitution, request);
    const again = await call(client, client.registerInstitution, request);

    expect(again.institution).toEqual(first.institution);
  });

  it('refuses a request id used for another institution or another registration, registering nothing', async () => {
    const grid = await newGrid();
    const request = retriedInstitution(grid.id);
    await call(client, client.registerInstitution, request);
    const other = { ...request, creditCode: aCreditCode(), name: '另一家医院' };

    const anotherInstitution = await fails(call(client, client.registerInstitution, other));
    const anotherRegistration = await fails(
      call(client, client.createMedicalGroup, {
        clientRequestId: request.clientRequestId,
        gridId: grid.id,
        name: '重试医联体',
      }),
    );

    for (const refusal of [anotherInstitution, anotherRegistration]) {
      expect(refusal).toMatchObject({
        code: status.INVALID_ARGUMENT,
        reason: 'CLIENT_REQUEST_REUSED',
        fieldViolations: [expect.objectContaining({ field: 'clientRequestId' })],
      });
    }
    expect(await withCreditCode(other.creditCode)).toEqual([]);
  });

  it('pages through a search in name order', async () => {
    const grid = await newGrid();
    for (const name of ['甲社区', '乙社区', '丙社区', '丁社区', '戊社区']) {
      await primary(grid.id, T.INSTITUTION_TYPE_COMMUNITY_HEALTH_STATION, name);
    }

    const names: string[] = [];
    let pageToken = '';
    do {
      const page = await search({ nameContains: '社区', gridId: grid.id, pageSize: 2, pageToken });
      names.push(...page.institutions.map((i) => i.name));
      pageToken = page.nextPageToken;
    } while (pageToken);

    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(5);
  });

  it('lets a group administrator change only their own group', async () => {
    const grid = await newGrid();
    const group = await newGroup(grid.id);
    const clinic = await primary(grid.id, T.INSTITUTION_TYPE_VILLAGE_CLINIC);
    const stranger = await registry.teamIn((await newGrid()).id);
    const strangerAdmin = await registry.auth.token(
      anIdentity({ role: 'group-admin', institutionId: stranger.centreId, groupId: stranger.groupId }),
    );

    const error = await fails(
      call(
        client,
        client.addMembership,
        {
          groupId: group.id,
          institutionId: clinic.id,
          role: R.MEMBERSHIP_ROLE_MEMBER,
          clientRequestId: uuidv7(),
        },
        strangerAdmin,
      ),
    );

    expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'NOT_ALLOWED' });
  });

  describe('a token’s group claim', () => {
    const REGISTRY_SERVICES = [
      organisationServiceV1.OrganisationServiceService,
      workforceServiceV1.WorkforceServiceService,
      residentServiceV1.ResidentServiceService,
      importServiceV1.ImportServiceService,
    ];
    /** Reads the registry's audit log over a connection of its own, closed after. */
    const withSql = async <T>(read: (sql: PgClient) => Promise<T>): Promise<T> => {
      const sql = new PgClient({ connectionString: registry.db.url });
      await sql.connect();
      try {
        return await read(sql);
      } finally {
        await sql.end();
      }
    };

    it('refuses every call of every registry service when the institution is not in the claimed group, and audits each', async () => {
      const own = await registry.teamIn((await newGrid()).id);
      const other = await registry.teamIn((await newGrid()).id);
      const inconsistent = await registry.auth.token(
        anIdentity({ role: 'primary-staff', institutionId: own.centreId, groupId: other.groupId }),
      );

      await withSql((sql) =>
        expectEveryCallRefusedForTheClaimedGroup({
          address: registry.process.grpcAddress,
          services: REGISTRY_SERVICES,
          token: inconsistent,
          institutionId: own.centreId,
          claimedGroupId: other.groupId,
          sql,
        }),
      );
    });

    it.each(['primary-staff', 'hospital-staff', 'partner-system', 'group-admin'] as const)(
      'refuses %s claiming another group, and serves the same caller claiming its own',
      async (role) => {
        const own = await registry.teamIn((await newGrid()).id);
        const other = await registry.teamIn((await newGrid()).id);
        const as = (groupId: string) =>
          registry.auth.token(anIdentity({ role, institutionId: own.centreId, groupId }));

        const refused = await fails(
          call(client, client.getMedicalGroup, { id: other.groupId }, await as(other.groupId)),
        );
        const { group } = await call(
          client,
          client.getMedicalGroup,
          { id: own.groupId },
          await as(own.groupId),
        );

        expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
        expect(group?.id).toBe(own.groupId);
      },
    );

    it('lets a collaborating unit act for a group it collaborates with, but not administer it', async () => {
      const grid = await newGrid();
      const { groupId } = await registry.teamIn(grid.id);
      const provincial = await registry.newHospital(grid.id);
      await registry.join(groupId, provincial.id, R.MEMBERSHIP_ROLE_COLLABORATING);
      const as = (role: 'hospital-staff' | 'group-admin') =>
        registry.auth.token(anIdentity({ role, institutionId: provincial.id, groupId }));

      const { group } = await call(
        client,
        client.getMedicalGroup,
        { id: groupId },
        await as('hospital-staff'),
      );
      const administering = await fails(
        call(client, client.getMedicalGroup, { id: groupId }, await as('group-admin')),
      );

      expect(group?.memberships.map((m) => [m.institutionId, m.role])).toContainEqual([
        provincial.id,
        R.MEMBERSHIP_ROLE_COLLABORATING,
      ]);
      expect(administering).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
    });

    it('refuses a token naming an institution the registry does not have, whatever group it claims', async () => {
      const { groupId } = await registry.teamIn((await newGrid()).id);
      const ghost = await registry.auth.token(anIdentity({ role: 'hospital-staff', groupId }));

      const error = await fails(call(client, client.getMedicalGroup, { id: groupId }, ghost));

      expect(error).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'INSTITUTION_NOT_KNOWN' });
      expect((await withSql((sql) => auditedRefusals(sql, groupId))).map((r) => r.purpose)).toEqual([
        'INSTITUTION_NOT_KNOWN /medgrid.registry.v1.OrganisationService/GetMedicalGroup',
      ]);
    });
  });

  /** Reads the institution topic from the start, keeping the latest state per key (as a compacting consumer would). */
  async function latestInstitutionStates(ids: string[]) {
    const kafka = createKafka(
      { brokers: testKafkaBrokers(), clientId: 'e2e-projection' },
      createLogger({ service: 'e2e', level: 'warn' }),
    );
    const consumer = kafka.consumer({ groupId: `e2e-projection-${uniqueSuffix()}`, maxWaitTimeInMs: 200 });
    const latest = new Map<string, registryEventsV1.InstitutionChanged>();
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.registryInstitution.name, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (!message.value) return Promise.resolve();
        const envelope = decodeEnvelope(message.value);
        latest.set(envelope.aggregateId, registryEventsV1.InstitutionChanged.decode(envelope.payload));
        return Promise.resolve();
      },
    });
    try {
      await waitFor('the latest state of each institution', () =>
        Promise.resolve(
          ids.every((id) => (latest.get(id)?.institution?.version ?? 0) >= 2) ? true : undefined,
        ),
      );
    } finally {
      await consumer.disconnect();
    }
    return latest;
  }
});
