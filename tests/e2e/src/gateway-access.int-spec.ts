import { referralV1 } from '@medgrid/contracts';
import { waitFor } from '@medgrid/testing';
import { randomBytes } from 'node:crypto';
import { OtlpCollector, SpanKind } from './otlp-collector';
import { PortalBrowser, PortalGatewayHarness } from './portal-gateway-harness';
import { type GroupFixture } from './scheduling-fixtures';

const PASSWORD = 'a password long enough';

/**
 * Who sees what through the portal's gateway, with registry, scheduling, referral and the gateway
 * as real processes over Kafka: a city operator signs in over HTTP and makes a group A
 * administrator and a staff member of group B's centre (checked with the registry as the
 * operator); the gateway calls referral as each user, and referral decides what each may see.
 * The services export their spans to a collector of the suite's own, so the trace of a browser's
 * request can be followed across the gateway's gRPC call.
 */
describe('gateway access', () => {
  const collector = new OtlpCollector();
  const h = new PortalGatewayHarness();
  let groupA: GroupFixture;
  let groupB: GroupFixture;
  let operator: PortalBrowser;
  let referralId: string;
  const browser = () => new PortalBrowser(h.gatewayUrl);
  const accountsOf = async () =>
    ((await operator.get('/api/accounts')).body.accounts as { username: string; disabled: boolean }[]) ?? [];

  beforeAll(async () => {
    const otlpEndpoint = await collector.start();
    await h.start('e2e_gateway_access', {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    });
    groupA = await h.newGroup('03.04');
    groupB = await h.newGroup('03.04');
    await h.gatewayKnows(groupA.hospitalId, groupB.centreId);
    operator = browser();
    expect((await operator.signIn(h.operatorUsername, h.operatorPassword)).status).toBe(200);
  }, 900_000);

  afterAll(async () => {
    await h.stop();
    await collector.stop();
  }, 120_000);

  it("lets the city operator make a group A administrator and a staff member of group B's centre", async () => {
    const admin = await operator.post('/api/accounts', {
      username: 'Admin.GroupA',
      displayName: '甲集团管理员',
      role: 'group-admin',
      institutionId: groupA.hospitalId,
      groupId: groupA.groupId,
      password: PASSWORD,
    });
    const staff = await operator.post('/api/accounts', {
      username: 'staff.groupb',
      displayName: '乙集团社区卫生服务中心',
      role: 'institution-staff',
      institutionId: groupB.centreId,
      groupId: groupB.groupId,
      password: PASSWORD,
    });

    expect(admin).toMatchObject({
      status: 201,
      body: {
        username: 'admin.groupa',
        role: 'group-admin',
        cityId: h.registry.cityId,
        groupId: groupA.groupId,
      },
    });
    expect(staff).toMatchObject({
      status: 201,
      body: { role: 'institution-staff', institutionId: groupB.centreId, groupId: groupB.groupId },
    });
    const listed = await operator.get('/api/accounts');
    expect((await accountsOf()).map((a) => a.username)).toEqual([
      'admin.groupa',
      'operator.e2e',
      'staff.groupb',
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses, as fields, an institution outside the group, another city's group and a taken username, checked with the registry", async () => {
    const city = await h.registry.newCity();
    const grid = await h.registry.newGrid(city.id);
    const elsewhere = await h.registry.newGroup(grid.id);
    const before = await accountsOf();

    const outside = await operator.post('/api/accounts', {
      username: 'admin.groupa',
      displayName: '错配',
      role: 'group-admin',
      institutionId: groupB.centreId,
      groupId: groupA.groupId,
      password: PASSWORD,
    });
    const otherCity = await operator.post(
      '/api/accounts',
      {
        username: 'admin.elsewhere',
        displayName: '外市',
        role: 'group-admin',
        institutionId: groupA.hospitalId,
        groupId: elsewhere.id,
        password: PASSWORD,
      },
      { language: 'en' },
    );

    expect(outside.status).toBe(400);
    expect(outside.body.error!.message).toMatch(/请检查/);
    expect(outside.body.error!.fields).toEqual([
      { field: 'username', reason: 'USERNAME_TAKEN', description: '该用户名已被其他账户使用。' },
      { field: 'institutionId', reason: 'NOT_IN_GROUP', description: '该机构不是所选医疗集团的成员。' },
    ]);
    expect(otherCity.status).toBe(400);
    expect(otherCity.body.error!.fields).toEqual([
      {
        field: 'groupId',
        reason: 'UNKNOWN_GROUP',
        description: 'is not a medical group the registry knows in your city',
      },
    ]);
    expect(await accountsOf()).toEqual(before);
  });

  it('refuses a state-changing call without the CSRF token, changing nothing', async () => {
    const before = await accountsOf();

    const refused = await operator.post(
      '/api/accounts',
      {
        username: 'no.token',
        displayName: '无令牌',
        role: 'institution-staff',
        institutionId: groupB.centreId,
        groupId: groupB.groupId,
        password: PASSWORD,
      },
      { csrf: false },
    );

    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'CSRF_INVALID',
      message: expect.stringMatching(/CSRF/) as string,
    });
    expect(await accountsOf()).toEqual(before);
  });

  it("shows group B's staff the referral its centre made, through the gateway", async () => {
    const patient = await h.contractedResident(groupB);
    const { referral } = await h.call(
      h.referrals,
      h.referrals.createReferral,
      h.upward(groupB, patient),
      groupB.centre,
    );
    referralId = referral!.id;
    const staff = browser();
    expect((await staff.signIn('staff.groupb', PASSWORD)).status).toBe(200);

    const seen = await staff.get(`/api/referrals/${referralId}`);

    expect(seen.status).toBe(200);
    expect(seen.body.referral).toMatchObject({ id: referralId, referringInstitutionId: groupB.centreId });
    expect((seen.body.history as unknown[]).length).toBeGreaterThan(0);
  });

  it("continues a browser's trace from the gateway across its gRPC call into referral", async () => {
    const traceId = randomBytes(16).toString('hex');
    const method = 'grpc.medgrid.referral.v1.ReferralService/GetReferral';
    const staff = browser();
    expect((await staff.signIn('staff.groupb', PASSWORD)).status).toBe(200);

    const seen = await staff.get(`/api/referrals/${referralId}`, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });

    expect(seen.status).toBe(200);
    const hop = await waitFor(
      "the gateway's client span and referral's server span of the call, in the browser's trace",
      () => {
        const [client] = collector.spansOf(traceId, {
          service: 'gateway',
          name: method,
          kind: SpanKind.Client,
        });
        const [server] = collector.spansOf(traceId, {
          service: 'referral',
          name: method,
          kind: SpanKind.Server,
        });
        return Promise.resolve(client && server ? { client, server } : undefined);
      },
      { timeoutMs: 20_000 },
    );
    expect(hop.server.parentSpanId).toBe(hop.client.spanId);
  });

  it("tells group A's administrator it is not found, in Chinese or in English, and changes nothing", async () => {
    const admin = browser();
    expect((await admin.signIn('admin.groupa', PASSWORD)).status).toBe(200);

    const chinese = await admin.get(`/api/referrals/${referralId}`);
    const english = await admin.get(`/api/referrals/${referralId}`, { language: 'en-GB,en;q=0.9' });
    const administer = await admin.post('/api/accounts', {
      username: 'self.made',
      displayName: '越权',
      role: 'group-admin',
      institutionId: groupA.hospitalId,
      groupId: groupA.groupId,
      password: PASSWORD,
    });

    expect(chinese.status).toBe(404);
    expect(chinese.body.error).toMatchObject({ code: 'NOT_FOUND', message: '未找到所请求的内容。' });
    expect(english.status).toBe(404);
    expect(english.body.error!.message).toBe('Not found.');
    expect(administer.status).toBe(403);
    expect(administer.body.error).toMatchObject({
      reason: 'NOT_CITY_OPERATOR',
      message: '只有市级运营人员可以管理门户账户。',
    });
    // Referral goes on with its own chain (scheduling's hold); none of it is the administrator's.
    const after = await h.referral(referralId, groupB.centre);
    expect(after.referral!.status).toBe(referralV1.ReferralStatus.REFERRAL_STATUS_SUBMITTED);
    expect(after.history.map((entry) => entry.actorSubject)).not.toContain('portal:admin.groupa');
    expect((await accountsOf()).map((a) => a.username)).not.toContain('self.made');
  });

  it('refuses an unknown user and a wrong password alike, setting no cookie', async () => {
    const unknown = await browser().signIn('nobody.here', PASSWORD);
    const wrong = await browser().signIn('staff.groupb', 'not the password at all');

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error).toMatchObject({
      code: 'SIGN_IN_FAILED',
      message: expect.stringMatching(/用户名或密码错误/) as string,
    });
    expect([...unknown.setCookies, ...wrong.setCookies]).toEqual([]);
  });

  it('refuses a forged session cookie as not signed in', async () => {
    const forger = browser();
    forger.forgeSession('A'.repeat(43));

    const refused = await forger.get(`/api/referrals/${referralId}`);

    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({
      code: 'NOT_SIGNED_IN',
      message: expect.stringMatching(/未登录/) as string,
    });
  });

  it("ends a disabled account's session at once", async () => {
    const staff = browser();
    await staff.signIn('staff.groupb', PASSWORD);
    const id = (await staff.get('/api/auth/session')).body.user as { id: string };

    const disabled = await operator.post(`/api/accounts/${id.id}/disable`, {});

    expect(disabled).toMatchObject({ status: 200, body: { username: 'staff.groupb', disabled: true } });
    expect((await staff.get(`/api/referrals/${referralId}`)).status).toBe(401);
    expect((await browser().signIn('staff.groupb', PASSWORD)).status).toBe(401);
  });
});
