import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createLogger, LOGGER } from '@medgrid/logging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { DataSource } from 'typeorm';
import { configureHttpApi } from '../common/http-api';
import { type GatewayConfig, loadGatewayConfig } from '../config/gateway.config';

/** The variables a test gateway runs with: fast hashing, plain http, a fixed CSRF secret. */
export function testGatewayConfig(overrides: Record<string, string> = {}): GatewayConfig {
  const secretFile = join(mkdtempSync(join(tmpdir(), 'gateway-test-')), 'csrf-secret');
  writeFileSync(secretFile, 'test-csrf-secret-of-at-least-32-characters\n', { mode: 0o600 });
  return loadGatewayConfig({
    DATABASE_URL: 'postgres://medgrid:pw@127.0.0.1:5432/unused',
    AUTH_PUBLIC_KEY_FILE: '/unused/public.pem',
    AUTH_SIGNING_KEY_FILE: '/unused/private.pem',
    CSRF_SECRET_FILE: secretFile,
    PASSWORD_HASH_MEMORY_KIB: '1024',
    LOG_LEVEL: 'fatal',
    ...overrides,
  });
}

@Module({})
class TestPlatformModule {
  static with(
    config: GatewayConfig,
    dataSource: DataSource,
    extra: { provide: unknown; useValue: unknown }[],
  ): DynamicModule {
    const providers = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: LOGGER, useValue: createLogger({ service: 'gateway-test', level: 'fatal' }) },
      ...extra,
    ];
    return {
      module: TestPlatformModule,
      global: true,
      providers: providers as never,
      exports: providers.map((p) => p.provide) as never,
    };
  }
}

/**
 * The gateway's HTTP side as the service serves it (cookies, the OpenAPI document, the error
 * filter, the guards), on a test database, without gRPC, Kafka or the listening port.
 */
export async function gatewayTestApp(
  dataSource: DataSource,
  contexts: Type[],
  options: {
    config?: GatewayConfig;
    providers?: { provide: unknown; useValue: unknown }[];
    /** Providers of the contexts replaced (a port's fake in place of its gRPC adapter). */
    overrides?: { provide: Type | (abstract new (...args: never[]) => unknown); useValue: unknown }[];
  } = {},
): Promise<INestApplication> {
  const config = options.config ?? testGatewayConfig();
  let builder = Test.createTestingModule({
    imports: [TestPlatformModule.with(config, dataSource, options.providers ?? []), ...contexts],
  });
  for (const { provide, useValue } of options.overrides ?? []) {
    builder = builder.overrideProvider(provide).useValue(useValue);
  }
  const module = await builder.compile();
  const app = module.createNestApplication({ logger: false });
  configureHttpApi(app, { trustProxy: config.TRUST_PROXY });
  await app.init();
  return app;
}

/** The cookies a response set, as `name=value` pairs to send back (header), and as set, with their attributes. */
export function cookiesOf(response: { headers: Record<string, unknown> }): { header: string; raw: string[] } {
  const raw = ([] as string[]).concat(
    (response.headers['set-cookie'] as string[] | string | undefined) ?? [],
  );
  return { raw, header: raw.map((cookie) => cookie.split(';')[0]).join('; ') };
}
