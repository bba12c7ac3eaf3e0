import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenIssuer } from '@medgrid/auth';
import { type TestDatabase, uniqueSuffix } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

export interface OwnService {
  readonly db: TestDatabase;
  readonly process: ServiceProcess;
  /** Connected to the service's database; the caller ends it. */
  readonly sql: PgClient;
}

/**
 * A service of a suite's own (the fuzzer's, the access walk's): a fresh database migrated, a Kafka consumer group of
 * its own so no other process takes its events, started on free ports and trusting `issuerPublicKeyFile`. The
 * gateway also signs its per-user tokens and CSRF tokens with files of its own.
 */
export async function startOwnService(
  service: string,
  suite: string,
  issuerPublicKeyFile: string,
): Promise<OwnService> {
  const db = await migratedDatabase(service, `${suite}_${uniqueSuffix()}_${service.replace('-', '_')}`);
  const env: Record<string, string> = { KAFKA_CONSUMER_GROUP: `${service}-${suite}-${uniqueSuffix()}` };
  if (service === 'gateway') {
    const secrets = mkdtempSync(join(tmpdir(), `gateway-${suite}-`));
    env.AUTH_SIGNING_KEY_FILE = join(secrets, 'issuer-private.pem');
    writeFileSync(env.AUTH_SIGNING_KEY_FILE, (await TokenIssuer.generateKeyPairPem()).privateKeyPem, {
      mode: 0o600,
    });
    env.CSRF_SECRET_FILE = join(secrets, 'csrf-secret');
    writeFileSync(env.CSRF_SECRET_FILE, randomBytes(32).toString('hex'), { mode: 0o600 });
    env.PASSWORD_HASH_MEMORY_KIB = '1024';
  }
  const process = await ServiceProcess.onFreePorts(service, serviceEnv(db.url, issuerPublicKeyFile, env));
  await process.start();
  const sql = new PgClient({ connectionString: db.url });
  await sql.connect();
  return { db, process, sql };
}
