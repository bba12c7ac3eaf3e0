import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { MigratedTestDatabase } from '@medgrid/testing';
import request from 'supertest';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { type ApiErrorBody } from '../../../accounts/interface/http/api-error.filter';
import { gatewayDataSource } from '../../../database/gateway-data-source';
import { ServiceTokens } from '../../../portal/infrastructure/grpc-client/service-tokens';
import { anAccount, PASSWORD } from '../../../test/accounts-fixtures';
import { cookiesOf, gatewayTestApp, testGatewayConfig } from '../../../test/gateway-test-app';
import { AdministrationModule } from '../../administration.module';
import { RegistryScopes } from '../../application/registry-scopes';
import { type RegistryScope } from '../../domain/account-scope';
import { type AccountPageDto } from './accounts.dto';

interface Body extends PortalUserView {
  user: PortalUserView;
  error: ApiErrorBody;
  csrfToken: string;
  paths: Record<string, unknown>;
}
const bodyOf = (response: request.Response) => response.body as Body;
const pageOf = (response: request.Response) => response.body as AccountPageDto;

/** The registry as the operator's city sees it: one grid, two groups, each with one institution. */
class FakeRegistryScopes extends RegistryScopes {
  readonly grid = randomUUID();
  readonly groupA = { id: randomUUID(), institutionId: randomUUID() };
  readonly groupB = { id: randomUUID(), institutionId: randomUUID() };
  readonly asked: string[] = [];

  scopeOf(operator: PortalUserView, institutionId: string, groupId: string): Promise<RegistryScope> {
    this.asked.push(operator.username);
    const groups = [this.groupA, this.groupB];
    const group = groups.find((g) => g.id === groupId);
    const home = groups.find((g) => g.institutionId === institutionId);
    return Promise.resolve({
      cityGridIds: [this.grid],
      institution: home ? { id: institutionId, gridId: this.grid, groupId: home.id } : null,
      group: group ? { id: group.id, gridId: this.grid, memberInstitutionIds: [group.institutionId] } : null,
    });
  }
}

describe('accounts administration (HTTP, real PostgreSQL)', () => {
  let db: MigratedTestDatabase;
  let app: INestApplication;
  const registry = new FakeRegistryScopes();
  const cityId = randomUUID();
  let address = 0;
  // Every request from an address of its own, since sign-ins are limited to 20 a minute per address.
  const http = () => {
    const agent = request(app.getHttpServer() as Parameters<typeof request>[0]);
    const client = `10.1.${Math.floor(++address / 250)}.${address % 250}`;
    return {
      get: (path: string) => agent.get(path).set('X-Forwarded-For', client),
      post: (path: string) => agent.post(path).set('X-Forwarded-For', client),
    };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.dataSource.query<{ n: string }[]>(sql, params))[0]!.n);

  beforeAll(async () => {
    db = await MigratedTestDatabase.create('gateway_administration', (url) => gatewayDataSource(url, 2));
    app = await gatewayTestApp(db.dataSource, [AdministrationModule], {
      config: testGatewayConfig({ TRUST_PROXY: 'true' }),
      overrides: [
        { provide: RegistryScopes, useValue: registry },
        // Never called: the registry is the fake above, and operators need no institution looked up.
        { provide: ServiceTokens, useValue: {} },
        { provide: RegistryView, useValue: {} },
      ],
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function signedIn(username: string) {
    const response = await http()
      .post('/api/auth/sign-in')
      .send({ username, password: PASSWORD })
      .expect(200);
    return {
      cookies: cookiesOf(response).header,
      csrfToken: bodyOf(response).csrfToken,
      user: bodyOf(response).user,
    };
  }

  const operatorSession = async () =>
    signedIn((await anAccount(db.dataSource, 'city-operator', { cityId })).username);

  const newStaff = (changes: Record<string, unknown> = {}) => ({
    username: `staff.${randomUUID().slice(0, 8)}`,
    displayName: '张华',
    role: 'institution-staff',
    institutionId: registry.groupB.institutionId,
    groupId: registry.groupB.id,
    password: PASSWORD,
    ...changes,
  });

  it("creates a group administrator and an institution's staff member of the operator's city, who then sign in", async () => {
    const operator = await operatorSession();
    const admin = newStaff({
      username: 'Admin.A',
      role: 'group-admin',
      institutionId: registry.groupA.institutionId,
      groupId: registry.groupA.id,
    });
    const staff = newStaff();

    const made = await http()
      .post('/api/accounts')
      .set('Cookie', operator.cookies)
      .set('X-CSRF-Token', operator.csrfToken)
      .send(admin)
      .expect(201);
    await http()
      .post('/api/accounts')
      .set('Cookie', operator.cookies)
      .set('X-CSRF-Token', operator.csrfToken)
      .send(staff)
      .expect(201);

    const { id, ...shown } = bodyOf(made);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown).toEqual({
      username: 'admin.a',
      displayName: '张华',
      role: 'group-admin',
      cityId,
      institutionId: registry.groupA.institutionId,
      groupId: registry.groupA.id,
    });
    expect(registry.asked).toContain(operator.user.username);
    expect((await signedIn('admin.a')).user.groupId).toBe(registry.groupA.id);
    expect((await signedIn(staff.username)).user).toMatchObject({
      role: 'institution-staff',
      cityId,
      institutionId: registry.groupB.institutionId,
    });
  });

  it('refuses a creation without the CSRF token, storing nothing', async () => {
    const operator = await operatorSession();
    const staff = newStaff();

    const refused = await http()
      .post('/api/accounts')
      .set('Cookie', operator.cookies)
      .send(staff)
      .expect(403);

    expect(bodyOf(refused).error.code).toBe('CSRF_INVALID');
    expect(await count('SELECT count(*) AS n FROM portal_user WHERE username = $1', [staff.username])).toBe(
      0,
    );
  });

  it('reports every missing field at once, described in Chinese, or in English when asked', async () => {
    const operator = await operatorSession();
    const send = (language: string) =>
      http()
        .post('/api/accounts')
        .set('Cookie', operator.cookies)
        .set('X-CSRF-Token', operator.csrfToken)
        .set('Accept-Language', language)
        .send({})
        .expect(400);

    const chinese = bodyOf(await send('zh-CN')).error;
    const english = bodyOf(await send('en')).error;

    expect(chinese.code).toBe('VALIDATION_FAILED');
    expect(chinese.message).toMatch(/请检查/);
    expect(chinese.fields.map((f) => `${f.field}:${f.reason}`)).toEqual([
      'username:REQUIRED',
      'displayName:REQUIRED',
      'role:REQUIRED',
      'institutionId:REQUIRED',
      'groupId:REQUIRED',
      'password:REQUIRED',
    ]);
    expect(chinese.fields[0]!.description).toBe('必填。');
    expect(english.message).toMatch(/not valid/);
    expect(english.fields[0]!.description).toBe('is required');
  });

  it('refuses a taken username, an institution outside the group and an unknown one as fields, storing nothing', async () => {
    const operator = await operatorSession();
    const taken = await anAccount(db.dataSource, 'group-admin', { cityId });
    const post = (body: object) =>
      http()
        .post('/api/accounts')
        .set('Cookie', operator.cookies)
        .set('X-CSRF-Token', operator.csrfToken)
        .send(body)
        .expect(400);
    const before = await count('SELECT count(*) AS n FROM portal_user');

    const wrongGroup = bodyOf(
      await post(newStaff({ username: taken.username, institutionId: registry.groupA.institutionId })),
    ).error;
    const unknown = bodyOf(
      await post(newStaff({ institutionId: randomUUID(), groupId: randomUUID() })),
    ).error;
    const operatorRole = bodyOf(await post(newStaff({ role: 'city-operator', password: 'short' }))).error;

    expect(wrongGroup.fields).toEqual([
      { field: 'username', reason: 'USERNAME_TAKEN', description: '该用户名已被其他账户使用。' },
      { field: 'institutionId', reason: 'NOT_IN_GROUP', description: '该机构不是所选医疗集团的成员。' },
    ]);
    expect(unknown.fields.map((f) => `${f.field}:${f.reason}`)).toEqual([
      'institutionId:UNKNOWN_INSTITUTION',
      'groupId:UNKNOWN_GROUP',
    ]);
    expect(operatorRole.fields.map((f) => `${f.field}:${f.reason}`)).toEqual([
      'role:ROLE_NOT_ALLOWED',
      'password:TOO_SHORT',
    ]);
    expect(await count('SELECT count(*) AS n FROM portal_user')).toBe(before);
  });

  it('refuses a group administrator and institution staff every administration call, saying only city operators may', async () => {
    for (const role of ['group-admin', 'institution-staff'] as const) {
      const user = await anAccount(db.dataSource, role, { cityId });
      const { cookies, csrfToken } = await signedIn(user.username);

      const created = await http()
        .post('/api/accounts')
        .set('Cookie', cookies)
        .set('X-CSRF-Token', csrfToken)
        .send(newStaff())
        .expect(403);
      const listed = await http().get('/api/accounts').set('Cookie', cookies).set('Accept-Language', 'en');
      const disabled = await http()
        .post(`/api/accounts/${user.id}/disable`)
        .set('Cookie', cookies)
        .set('X-CSRF-Token', csrfToken);

      expect(bodyOf(created).error).toMatchObject({
        code: 'PERMISSION_DENIED',
        reason: 'NOT_CITY_OPERATOR',
        message: '只有市级运营人员可以管理门户账户。',
      });
      expect(listed.status).toBe(403);
      expect(bodyOf(listed).error.message).toBe('Only city operators may administer portal accounts.');
      expect(disabled.status).toBe(403);
      await http().get('/api/auth/session').set('Cookie', cookies).expect(200);
    }
  });

  it("lists the operator's city's accounts by username, a page at a time, without password hashes or another city's", async () => {
    const city = randomUUID();
    const operator = await signedIn(
      (await anAccount(db.dataSource, 'city-operator', { cityId: city, username: 'm.operator' })).username,
    );
    await anAccount(db.dataSource, 'group-admin', { cityId: city, username: 'a.admin' });
    await anAccount(db.dataSource, 'institution-staff', { cityId: city, username: 'z.staff' });
    await anAccount(db.dataSource, 'institution-staff', { username: 'b.elsewhere' });

    const first = await http().get('/api/accounts?pageSize=2').set('Cookie', operator.cookies).expect(200);
    const rest = await http()
      .get(`/api/accounts?pageSize=2&pageToken=${pageOf(first).nextPageToken}`)
      .set('Cookie', operator.cookies)
      .expect(200);
    const badPage = await http()
      .get('/api/accounts?pageSize=500')
      .set('Cookie', operator.cookies)
      .expect(400);

    expect(pageOf(first).accounts.map((a) => a.username)).toEqual(['a.admin', 'm.operator']);
    expect(pageOf(rest)).toEqual({
      accounts: [expect.objectContaining({ username: 'z.staff', disabled: false, lockedUntil: null })],
      nextPageToken: '',
    });
    expect(JSON.stringify(first.body)).not.toMatch(/argon2|passwordHash|failedAttempts/);
    expect(bodyOf(badPage).error.fields.map((f) => f.field)).toEqual(['pageSize']);
  });

  it('disables an account of the city: its sessions end and it signs in no more; nothing else is touched', async () => {
    const operator = await operatorSession();
    const staff = await anAccount(db.dataSource, 'institution-staff', { cityId });
    const theirs = await signedIn(staff.username);

    const disabled = await http()
      .post(`/api/accounts/${staff.id}/disable`)
      .set('Cookie', operator.cookies)
      .set('X-CSRF-Token', operator.csrfToken)
      .expect(200);

    expect(bodyOf(disabled)).toMatchObject({ id: staff.id, disabled: true });
    expect(await count('SELECT count(*) AS n FROM portal_session WHERE user_id = $1', [staff.id])).toBe(0);
    await http().get('/api/auth/session').set('Cookie', theirs.cookies).expect(401);
    await http().post('/api/auth/sign-in').send({ username: staff.username, password: PASSWORD }).expect(401);
    await http().get('/api/auth/session').set('Cookie', operator.cookies).expect(200);
  });

  it("answers another city's account as not found, the operator's own as a conflict and a bad id as a field, disabling none", async () => {
    const operator = await operatorSession();
    const elsewhere = await anAccount(db.dataSource, 'group-admin');
    const post = (id: string) =>
      http()
        .post(`/api/accounts/${id}/disable`)
        .set('Cookie', operator.cookies)
        .set('X-CSRF-Token', operator.csrfToken)
        .set('Accept-Language', 'en');

    const other = await post(elsewhere.id).expect(404);
    const self = await post(operator.user.id).expect(409);
    const bad = await post('not-an-id').expect(400);
    const noToken = await http()
      .post(`/api/accounts/${elsewhere.id}/disable`)
      .set('Cookie', operator.cookies);

    expect(bodyOf(other).error.reason).toBe('ACCOUNT_NOT_FOUND');
    expect(bodyOf(other).error.message).toMatch(/no such account/);
    expect(bodyOf(self).error.reason).toBe('CANNOT_DISABLE_SELF');
    expect(bodyOf(bad).error.fields).toEqual([
      expect.objectContaining({ field: 'id', reason: 'INVALID_FORMAT' }),
    ]);
    expect(noToken.status).toBe(403);
    expect(
      await count('SELECT count(*) AS n FROM portal_user WHERE disabled AND id IN ($1, $2)', [
        elsewhere.id,
        operator.user.id,
      ]),
    ).toBe(0);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const response = await http().get('/api/docs/openapi.json').expect(200);

    expect(Object.keys(bodyOf(response).paths)).toEqual(
      expect.arrayContaining(['/api/accounts', '/api/accounts/{id}/disable']),
    );
  });
});
