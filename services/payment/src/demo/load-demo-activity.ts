// `node services/payment/dist/demo/load-demo-activity.js [--division 440100] [--city <registry's city id>] [--unsettled-group <uuid>] [--wait-seconds N]`
// The quick start's demo step for payment: the demo city's insurance activity (its rules, residents' coverage,
// claims of the month before last, last month and this month so far, budgets, and settlement runs) put through
// payment's own use cases, so every rule is checked and every event leaves through the outbox. Waits for payment to
// learn the city, its groups and their contracts from the registry's events. Adds only what is missing: a second
// run adds nothing. Payment does not know the groups' names: the group whose last month is left for the portal to
// settle is named by --unsettled-group (the first by name, which the registry knows), else the first by id.
import { parseArgs } from 'node:util';
import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { paymentDataSource } from '../database/payment-data-source';
import { DemoActivityLoader } from './demo-activity.loader';

const { values } = parseArgs({
  options: {
    division: { type: 'string', default: '440100' },
    city: { type: 'string' },
    'unsettled-group': { type: 'string' },
    'wait-seconds': { type: 'string', default: '60' },
  },
});

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Learnt {
  city: { id: string; name: string } | null;
  groups: number;
  institutions: number;
  contracts: number;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const waitSeconds = Number(values['wait-seconds']);
  const started = Date.now();
  const dataSource = paymentDataSource(url, 4);
  await dataSource.initialize();
  try {
    const learnt = async (): Promise<Learnt> => {
      const [city] = await dataSource.query<{ id: string; name: string }[]>(
        // The registry's id of the city when up.sh names it: an end-to-end test registers a Guangzhou of its own
        // on the broker the platform shares.
        `SELECT id, name FROM known_city WHERE division_code = $1 AND ($2::uuid IS NULL OR id = $2)
          ORDER BY id LIMIT 1`,
        [values.division, values.city ?? null],
      );
      if (!city) return { city: null, groups: 0, institutions: 0, contracts: 0 };
      const [counts] = await dataSource.query<{ groups: string; institutions: string; contracts: string }[]>(
        `SELECT (SELECT count(*) FROM known_group g JOIN known_grid gr ON gr.id = g.grid_id WHERE gr.city_id = $1) AS groups,
                (SELECT count(*) FROM known_institution i JOIN known_group g ON g.id = i.group_id
                   JOIN known_grid gr ON gr.id = g.grid_id WHERE gr.city_id = $1) AS institutions,
                (SELECT count(*) FROM family_doctor_contract c JOIN known_team t ON t.id = c.team_id
                   JOIN known_group g ON g.id = t.group_id JOIN known_grid gr ON gr.id = g.grid_id
                  WHERE gr.city_id = $1) AS contracts`,
        [city.id],
      );
      return {
        city,
        groups: Number(counts?.groups),
        institutions: Number(counts?.institutions),
        contracts: Number(counts?.contracts),
      };
    };
    // The registry's events arrive over a while: the city first, the contracts last and in their thousands; the
    // city is taken once its contracts stop growing between two looks (or the wait is over).
    let before = await learnt();
    for (;;) {
      const waited = (Date.now() - started) / 1000;
      if (waited >= waitSeconds) break;
      await pause(2000);
      const now = await learnt();
      const settled =
        now.city !== null &&
        now.groups > 0 &&
        now.institutions > 0 &&
        now.contracts > 0 &&
        now.contracts === before.contracts &&
        now.institutions === before.institutions;
      before = now;
      if (settled) break;
    }
    if (!before.city)
      return say(
        `no city ${values.division} learnt from the registry within ${waitSeconds} s; nothing loaded`,
      );
    if (before.groups === 0 || before.institutions === 0)
      return say(
        `${before.city.name}: no groups or institutions learnt within ${waitSeconds} s; nothing loaded`,
      );
    say(
      `${before.city.name}: ${before.groups} groups, ${before.institutions} institutions, ${before.contracts} contracts learnt`,
    );
    const loader = new DemoActivityLoader(new UnitOfWork(dataSource));
    const today = localDate(new Date());
    const city = await loader.cityOf(before.city.id, today, values['unsettled-group'] ?? null);
    const report = await loader.load(city, say);
    const added =
      Number(report.rules.table) +
      Number(report.rules.policy) +
      Number(report.rules.capitation) +
      report.residentsCovered +
      report.claims.received +
      report.budgets +
      report.settlements;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(
      added
        ? `insurance activity loaded in ${seconds} s`
        : `nothing to add: the demo's insurance activity is there (${seconds} s)`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `load-demo-activity failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
