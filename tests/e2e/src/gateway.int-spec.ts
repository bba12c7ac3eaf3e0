import { status } from '@grpc/grpc-js';
import { gatewayServiceV1 } from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { auditedRefusals, expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { fails, unary } from './grpc-call';
import { GatewayHarness } from './gateway-harness';

/** The gateway service started from its build, as scripts/up.sh and the Helm chart start it. */
describe('gateway service', () => {
  const h = new GatewayHarness();

  beforeAll(() => h.start('gateway_service'));
  afterAll(() => h.stop());

  it('answers DescribeGatewayService with its name, its migrated schema and the caller its token names', async () => {
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    const [last] = (
      await h.sql.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`)
    ).rows;

    const info = await h.describeService(operator);

    expect(info).toEqual({
      service: 'gateway',
      schemaVersion: last!.name,
      pendingMigrations: [],
      caller: { subject: operator.subject, role: 'city-operator', institutionId: '', groupId: '' },
    });
  });

  it('admits the staff of an institution of the group their token claims', async () => {
    const group = await h.newGroup();

    const info = await h.describeService(group.centre);

    expect(info.caller).toEqual({
      subject: group.centre.subject,
      role: 'primary-staff',
      institutionId: group.centreId,
      groupId: group.groupId,
    });
  });

  it('refuses every call when the institution is not in the claimed group, and audits each', async () => {
    const group = await h.newGroup();
    const other = await h.newGroup();

    await expectEveryCallRefusedForTheClaimedGroup({
      address: h.process.grpcAddress,
      services: [gatewayServiceV1.GatewayServiceService],
      token: await h.registry.auth.token({ ...group.centre, groupId: other.groupId }),
      institutionId: group.centreId,
      claimedGroupId: other.groupId,
      sql: h.sql,
    });
  });

  it('answers a token naming an institution it has not learnt of with UNAVAILABLE, audited', async () => {
    const group = await h.newGroup();
    const ghost = anIdentity({ role: 'primary-staff', groupId: group.groupId });

    const refused = await fails(h.describeService(ghost));

    expect(refused).toMatchObject({ code: status.UNAVAILABLE, reason: 'INSTITUTION_NOT_KNOWN_YET' });
    expect(await auditedRefusals(h.sql, group.groupId)).toContainEqual({
      actor_institution_id: ghost.institutionId,
      purpose: 'INSTITUTION_NOT_KNOWN_YET /medgrid.gateway.v1.GatewayService/DescribeGatewayService',
    });
  });

  it('refuses a call without a valid token (UNAUTHENTICATED)', async () => {
    const refused = await fails(unary(h.client, h.client.describeGatewayService, {}, 'not-a-token'));

    expect(refused.code).toBe(status.UNAUTHENTICATED);
  });

  it('is ready (database, migrations, Kafka) and labels its metrics with its name', async () => {
    const ready = await fetch(`http://127.0.0.1:${h.process.httpPort}/health/ready`);
    const metrics = await h.process.metrics();

    expect(ready.status).toBe(200);
    expect(metrics).toContain('service="gateway"');
  });
});
