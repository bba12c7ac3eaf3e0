// `DATABASE_URL=... node services/pharmacy/dist/demo/load-demo-activity.js [--groups <id>,<id>,...] [--wait-seconds N]`
// The quick start's demo step for pharmacy: once the service has learnt the demo city's groups, institutions and
// contracts from the registry's events, each group gets a drug catalogue (the starter) if it has none, each
// institution a formulary with stock on hand, and a few hundred prescriptions are checked, all through pharmacy's
// own use cases. A second run adds nothing and says so.
import { parseArgs } from 'node:util';
import { UnitOfWork } from '@medgrid/database';
import { pharmacyDataSource } from '../database/pharmacy-data-source';
import { DEFAULT_CHRONIC_DISEASES } from '../prescribing/domain/chronic-disease-list';
import { DEFAULT_SUPPLY_RULES, supplyRules } from '../prescribing/domain/supply-rules';
import { DemoActivityLoader } from './demo-activity.loader';

const { values } = parseArgs({
  options: { 'wait-seconds': { type: 'string', default: '60' }, groups: { type: 'string' } },
});

/** The demo city's groups (--groups, as the registry has them), or every group learnt. */
const GROUPS_OF_CITY = `known_group g WHERE $1::uuid[] IS NULL OR g.id = ANY($1::uuid[])`;
const groupIds = values.groups ? values.groups.split(',').filter(Boolean) : null;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Learnt {
  groups: string;
  institutions: string;
  contracts: string;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const waitSeconds = Number(values['wait-seconds']);
  const started = Date.now();
  const dataSource = pharmacyDataSource(url, 6);
  await dataSource.initialize();
  try {
    // The registry's events arrive in waves (groups, institutions, then tens of thousands of contracts): wait until
    // each is there and the counts hold still for one poll.
    let previous = '';
    for (let waited = 0; ; waited += 2) {
      const [learnt] = await dataSource.query<Learnt[]>(
        `SELECT (SELECT count(*) FROM ${GROUPS_OF_CITY}) AS groups,
                (SELECT count(*) FROM known_institution WHERE group_id IN (SELECT g.id FROM ${GROUPS_OF_CITY}))
                  AS institutions,
                (SELECT count(*) FROM known_contract k JOIN known_team t ON t.id = k.team_id
                  WHERE t.group_id IN (SELECT g.id FROM ${GROUPS_OF_CITY})) AS contracts`,
        [groupIds],
      );
      const now = `${learnt?.groups}/${learnt?.institutions}/${learnt?.contracts}`;
      const ready =
        learnt && learnt.groups !== '0' && learnt.institutions !== '0' && learnt.contracts !== '0';
      if (ready && now === previous) break;
      if (waited >= waitSeconds) {
        if (ready) break;
        return say(`no demo city learnt from the registry within ${waitSeconds} s; no prescribing loaded`);
      }
      previous = now;
      await pause(2000);
    }
    const loader = new DemoActivityLoader(
      new UnitOfWork(dataSource),
      {
        supply: supplyRules(
          Number(process.env.ORDINARY_SUPPLY_MAX_DAYS ?? DEFAULT_SUPPLY_RULES.ordinaryMaxDays),
          Number(process.env.LONG_PRESCRIPTION_MAX_DAYS ?? DEFAULT_SUPPLY_RULES.longMaxDays),
        ),
        diseases: DEFAULT_CHRONIC_DISEASES,
      },
      groupIds,
    );
    await loader.load(say);
    say(`prescribing demo done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load-demo-activity failed: ${String(error)}\n`);
  process.exit(1);
});
