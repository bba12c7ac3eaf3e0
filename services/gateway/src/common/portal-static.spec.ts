import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { portalStaticModules } from './portal-static';

@Controller()
class ProbeController {
  @Get('api/ping')
  ping() {
    return { pong: true };
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe(portalStaticModules.name, () => {
  let app: INestApplication;
  const server = () => app.getHttpServer() as Parameters<typeof request>[0];

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    // NestFactory rather than the testing module: serve-static picks its loader from the HTTP
    // adapter, which a testing module does not have yet when it builds its providers.
    @Module({ imports: [ProbeModule, ...portalStaticModules(dist)] })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('serves the portal page at / and at any route of the browser app', async () => {
    const root = await request(server()).get('/');
    const deepLink = await request(server()).get('/referrals/0193a000-0000-7000-8000-000000000001');

    expect(root.status).toBe(200);
    expect(root.text).toContain('<title>portal</title>');
    expect(deepLink.status).toBe(200);
    expect(deepLink.text).toContain('<title>portal</title>');
  });

  it('serves hashed bundles as immutable and the page as to be checked again', async () => {
    const bundle = await request(server()).get('/assets/app-1a2b3c.js');
    const page = await request(server()).get('/');

    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toContain('immutable');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the API and the probes their own answers, an unknown API path a 404 rather than the page', async () => {
    expect((await request(server()).get('/api/ping')).body).toEqual({ pong: true });
    expect((await request(server()).get('/health/live')).body).toEqual({ status: 'ok' });
    const unknown = await request(server()).get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain('<title>portal</title>');
    expect((await request(server()).get('/metrics')).status).toBe(404);
  });

  it('serves nothing when the portal was not built', () => {
    expect(portalStaticModules(join(tmpdir(), 'no-portal-built-here'))).toEqual([]);
  });
});
