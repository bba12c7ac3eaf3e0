import { type INestApplication } from '@nestjs/common';
import { MigratedTestDatabase } from '@medgrid/testing';
import request from 'supertest';
import { gatewayDataSource } from '../../../database/gateway-data-source';
import { anAccount, PASSWORD } from '../../../test/accounts-fixtures';
import { cookiesOf, gatewayTestApp, testGatewayConfig } from '../../../test/gateway-test-app';
import { AccountsModule } from '../../accounts.module';
import { sessionIdHash } from '../../application/session-ids';
import { type PortalUserView } from '../../domain/portal-user';
import { type ApiErrorBody } from './api-error.filter';

interface Body {
  error: ApiErrorBody;
  user: PortalUserView;
  csrfToken: string;
  paths: Record<string, unknown>;
}
const bodyOf = (response: request.Response) => response.body as Body;
const rows = async <T>(query: Promise<unknown>) => (await query) as T[];

describe('sign-in, sessions, CSRF and lockout (HTTP, real PostgreSQL)', () => {
  let db: MigratedTestDatabase;
  let app: INestApplication;
  // Each test signs in from an address of its own (through the trusted proxy's X-Forwarded-For),
  // since sign-ins are limited to 20 a minute per address.
  let address = 0;
  let client = '';
  beforeEach(() => {
    client = `10.0.0.${++address}`;
  });
  const http = () => {
    const agent = request(app.getHttpServer() as Parameters<typeof request>[0]);
    const withClient = <T extends { set(name: string, value: string): T }>(test: T) =>
      test.set('X-Forwarded-For', client);
    return {
      get: (path: string) => withClient(agent.get(path)),
      post: (path: string) => withClient(agent.post(path)),
    };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await rows<{ n: string }>(db.dataSource.query(sql, params)))[0]!.n);

  beforeAll(async () => {
    db = await MigratedTestDatabase.create('gateway_auth', (url) => gatewayDataSource(url, 2));
    app = await gatewayTestApp(db.dataSource, [AccountsModule], {
      config: testGatewayConfig({ TRUST_PROXY: 'true' }),
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
    return { response, cookies: cookiesOf(response).header, csrfToken: bodyOf(response).csrfToken };
  }

  it('signs in: an httpOnly SameSite=Strict session cookie (not Secure over http), the user and a CSRF token; only the hash is stored', async () => {
    const user = await anAccount(db.dataSource, 'group-admin', { username: 'Admin.Huangpu' });

    const { response, csrfToken } = await signedIn('  admin.HUANGPU ');

    const { raw } = cookiesOf(response);
    const session = raw.find((c) => c.startsWith('medgrid_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    expect(raw.find((c) => c.startsWith('medgrid_csrf='))).toBeDefined();
    expect(bodyOf(response).user).toEqual(user);
    expect(csrfToken).toEqual(expect.any(String));
    const sessionId = /medgrid_session=([^;]+)/.exec(session)![1]!;
    expect(
      await count('SELECT count(*) AS n FROM portal_session WHERE id_hash = $1', [sessionIdHash(sessionId)]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM portal_session WHERE id_hash = $1', [sessionId])).toBe(0);
  });

  it('answers the session to its cookie and NOT_SIGNED_IN without one, in Chinese or English', async () => {
    const user = await anAccount(db.dataSource, 'city-operator');
    const { cookies } = await signedIn(user.username);

    const mine = await http().get('/api/auth/session').set('Cookie', cookies).expect(200);
    const none = await http().get('/api/auth/session').expect(401);
    const english = await http()
      .get('/api/auth/session')
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(401);

    expect(bodyOf(mine).user.username).toBe(user.username);
    expect(bodyOf(none).error.code).toBe('NOT_SIGNED_IN');
    expect(bodyOf(none).error.message).toMatch(/未登录/);
    expect(bodyOf(none).error.fields).toEqual([]);
    expect(bodyOf(english).error.message).toMatch(/not signed in/);
    expect(JSON.stringify(none.body)).not.toMatch(/at .*\.ts/);
  });

  it('refuses a forged or malformed session cookie, changing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM portal_session');

    for (const forged of [
      'medgrid_session=' + 'A'.repeat(43),
      'medgrid_session=../../etc',
      '__Host-medgrid_session=x',
    ]) {
      const response = await http().get('/api/auth/session').set('Cookie', forged).expect(401);
      expect(bodyOf(response).error.code).toBe('NOT_SIGNED_IN');
    }
    expect(await count('SELECT count(*) AS n FROM portal_session')).toBe(before);
  });

  it('answers an unknown user and a wrong password alike, counting the failure on the real account only', async () => {
    const user = await anAccount(db.dataSource, 'institution-staff');

    const unknown = await http()
      .post('/api/auth/sign-in')
      .send({ username: 'nobody', password: PASSWORD })
      .expect(401);
    const wrong = await http()
      .post('/api/auth/sign-in')
      .send({ username: user.username, password: 'wrong' })
      .expect(401);

    expect(unknown.body).toEqual(wrong.body);
    expect(bodyOf(wrong).error.code).toBe('SIGN_IN_FAILED');
    expect(cookiesOf(wrong).raw).toEqual([]);
    expect(await count('SELECT failed_attempts AS n FROM portal_user WHERE id = $1', [user.id])).toBe(1);
  });

  it('reports every missing field of a sign-in at once', async () => {
    const response = await http().post('/api/auth/sign-in').send({}).expect(400);

    expect(bodyOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(bodyOf(response).error.fields.map((f: { field: string }) => f.field)).toEqual([
      'username',
      'password',
    ]);
  });

  it('locks an account after 5 failures in a row: the right password is then refused alike, until the lock runs out', async () => {
    const user = await anAccount(db.dataSource, 'group-admin');
    for (let i = 0; i < 5; i++) {
      await http()
        .post('/api/auth/sign-in')
        .send({ username: user.username, password: `wrong-${i}` })
        .expect(401);
    }

    const locked = await http()
      .post('/api/auth/sign-in')
      .send({ username: user.username, password: PASSWORD })
      .expect(401);
    expect(bodyOf(locked).error.code).toBe('SIGN_IN_FAILED');
    const [row] = await rows<{ locked_until: Date }>(
      db.dataSource.query('SELECT locked_until FROM portal_user WHERE id = $1', [user.id]),
    );
    const lockedFor = new Date(row!.locked_until).getTime() - Date.now();
    expect(lockedFor).toBeGreaterThan(14 * 60_000);
    expect(lockedFor).toBeLessThanOrEqual(15 * 60_000);
    expect(await count('SELECT count(*) AS n FROM portal_session WHERE user_id = $1', [user.id])).toBe(0);

    await db.dataSource.query(
      "UPDATE portal_user SET locked_until = now() - interval '1 second' WHERE id = $1",
      [user.id],
    );
    await signedIn(user.username);
    expect(await count('SELECT failed_attempts AS n FROM portal_user WHERE id = $1', [user.id])).toBe(0);
  });

  it('counts concurrent wrong guesses one by one (the account row is locked while a guess is checked)', async () => {
    const user = await anAccount(db.dataSource, 'city-operator');

    await Promise.all(
      [1, 2, 3].map((i) =>
        http()
          .post('/api/auth/sign-in')
          .send({ username: user.username, password: `x${i}` })
          .expect(401),
      ),
    );

    expect(await count('SELECT failed_attempts AS n FROM portal_user WHERE id = $1', [user.id])).toBe(3);
  });

  it('refuses sign-out without the CSRF token, or with another session’s, and leaves the session as it was', async () => {
    const user = await anAccount(db.dataSource, 'city-operator');
    const mine = await signedIn(user.username);
    const other = await signedIn(user.username);

    const missing = await http().post('/api/auth/sign-out').set('Cookie', mine.cookies).expect(403);
    await http()
      .post('/api/auth/sign-out')
      .set('Cookie', mine.cookies)
      .set('X-CSRF-Token', other.csrfToken)
      .expect(403);
    await http()
      .post('/api/auth/sign-out')
      .set('Cookie', mine.cookies)
      .set('X-CSRF-Token', 'forged')
      .expect(403);

    expect(bodyOf(missing).error.code).toBe('CSRF_INVALID');
    expect(bodyOf(missing).error.message).toMatch(/CSRF/);
    await http().get('/api/auth/session').set('Cookie', mine.cookies).expect(200);
  });

  it('signs out with the CSRF token: the session is deleted and its cookie no longer works', async () => {
    const user = await anAccount(db.dataSource, 'city-operator');
    const { cookies, csrfToken } = await signedIn(user.username);

    await http().post('/api/auth/sign-out').set('Cookie', cookies).set('X-CSRF-Token', csrfToken).expect(204);

    await http().get('/api/auth/session').set('Cookie', cookies).expect(401);
    expect(await count('SELECT count(*) AS n FROM portal_session WHERE user_id = $1', [user.id])).toBe(0);
  });

  it('ends a session idle for 30 minutes, or past its absolute end, and deletes it', async () => {
    const user = await anAccount(db.dataSource, 'city-operator');
    const idle = await signedIn(user.username);
    const old = await signedIn(user.username);
    const ids = await rows<{ id_hash: string }>(
      db.dataSource.query('SELECT id_hash FROM portal_session WHERE user_id = $1 ORDER BY created_at', [
        user.id,
      ]),
    );
    await db.dataSource.query(
      "UPDATE portal_session SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = $1",
      [ids[0]!.id_hash],
    );
    await db.dataSource.query(
      "UPDATE portal_session SET expires_at = now() - interval '1 second' WHERE id_hash = $1",
      [ids[1]!.id_hash],
    );

    await http().get('/api/auth/session').set('Cookie', idle.cookies).expect(401);
    await http().get('/api/auth/session').set('Cookie', old.cookies).expect(401);

    expect(await count('SELECT count(*) AS n FROM portal_session WHERE user_id = $1', [user.id])).toBe(0);
  });

  it('ends the sessions of a disabled account', async () => {
    const user = await anAccount(db.dataSource, 'group-admin');
    const { cookies } = await signedIn(user.username);
    await db.dataSource.query('UPDATE portal_user SET disabled = true WHERE id = $1', [user.id]);

    await http().get('/api/auth/session').set('Cookie', cookies).expect(401);
    await http().post('/api/auth/sign-in').send({ username: user.username, password: PASSWORD }).expect(401);
  });

  it('answers the 21st sign-in from one address within a minute RATE_LIMITED, and another address normally', async () => {
    const attempts = [];
    for (let i = 0; i < 21; i++) {
      attempts.push(await http().post('/api/auth/sign-in').send({ username: 'nobody', password: 'x' }));
    }

    expect(attempts.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(attempts[20]!.status).toBe(429);
    expect(bodyOf(attempts[20]!).error.code).toBe('RATE_LIMITED');
    client = '10.0.1.1';
    await http().post('/api/auth/sign-in').send({ username: 'nobody', password: 'x' }).expect(401);
  });

  it('says clearly that OIDC sign-in is not configured', async () => {
    const response = await http().get('/api/auth/oidc/login').set('Accept-Language', 'en').expect(501);

    expect(bodyOf(response).error.code).toBe('OIDC_NOT_CONFIGURED');
    expect(bodyOf(response).error.message).toMatch(/not configured/);
  });

  it('serves its OpenAPI document at /api/docs', async () => {
    const response = await http().get('/api/docs/openapi.json').expect(200);

    expect(Object.keys(bodyOf(response).paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/auth/sign-out']),
    );
  });
});
