// `node services/registry/dist/demo/load-demo-city.js [--residents N] [--grids N] [--seed N]`
// Loads the demo city into the registry database (DATABASE_URL) through the
// registry's own use cases, so every rule is checked and every change leaves
// through the outbox like any other. Does nothing if the demo city is there.
import { parseArgs } from 'node:util';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { OutboxWriter } from '@medgrid/messaging';
import { loadRegistryConfig } from '../config/registry.config';
import { registryDataSource } from '../database/registry-data-source';
import { type DemoCityReport, DemoCityLoader } from './demo-city.loader';
import { DEFAULT_DEMO_CITY } from './demo-city.plan';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: String(DEFAULT_DEMO_CITY.residents) },
    grids: { type: 'string', default: String(DEFAULT_DEMO_CITY.grids) },
    seed: { type: 'string', default: String(DEFAULT_DEMO_CITY.seed) },
  },
});

const operator: Identity = {
  subject: 'demo-city-loader',
  role: 'city-operator',
  institutionId: null,
  groupId: null,
  practitionerId: null,
};

async function main(): Promise<DemoCityReport | null> {
  const residents = Number(values.residents);
  const grids = Number(values.grids);
  if (!Number.isInteger(residents) || residents < 0 || residents > 5_000_000)
    throw new Error('--residents must be 0-5000000');
  if (!Number.isInteger(grids) || grids < 2 || grids > 5)
    throw new Error('--grids must be 2-5 (a pilot city has at least 2)');
  const config = loadRegistryConfig({ AUTH_PUBLIC_KEY_FILE: 'unused-by-the-loader', ...process.env });
  const dataSource = registryDataSource(config.DATABASE_URL, 4);
  await dataSource.initialize();
  try {
    const uow = new UnitOfWork(dataSource);
    const loader = new DemoCityLoader(uow, new OutboxWriter(uow, 'registry'), {
      termMonths: config.CONTRACT_TERM_MONTHS,
      elderlyAge: config.ELDERLY_AGE,
      childMaxAge: config.CHILD_MAX_AGE,
    });
    return await loader.load(
      operator,
      { ...DEFAULT_DEMO_CITY, residents, grids, seed: Number(values.seed) },
      (line) => process.stdout.write(`${line}\n`),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (report) => {
    if (report) process.stdout.write(`${JSON.stringify(report)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(
      `load-demo-city failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
