// `DATABASE_URL=... node services/lab-sharing/dist/demo/load-demo-activity.js [--city <registry's city id>] [--wait-seconds N]`
// The quick start's demo step for mutual recognition, after the starter catalogue (database/seed-starter-catalogues):
// once lab-sharing has learnt the demo city, its groups, institutions and contracts from the registry's events, the
// hospitals and centres record results over the last 30 days and other institutions of their group look them up
// before ordering again, reusing most, all through lab-sharing's own use cases. A second run adds nothing and says so.
import { parseArgs } from 'node:util';
import { UnitOfWork } from '@medgrid/database';
import { labSharingDataSource } from '../database/lab-sharing-data-source';
import { DemoActivityLoader } from './demo-activity.loader';
import { rateBp } from './demo-activity.plan';

const { values } = parseArgs({
  options: { 'wait-seconds': { type: 'string', default: '60' }, city: { type: 'string' } },
});

/** The groups of the city named (--city), or of every city learnt. */
const GROUPS_OF_CITY = `known_group g JOIN known_grid gr ON gr.id = g.grid_id
  WHERE $1::uuid IS NULL OR gr.city_id = $1`;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Learnt {
  cities: string;
  groups: string;
  institutions: string;
  contracts: string;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const waitSeconds = Number(values['wait-seconds']);
  const started = Date.now();
  const dataSource = labSharingDataSource(url, 6);
  await dataSource.initialize();
  try {
    // The registry's events arrive in waves (the city, groups, institutions, then tens of thousands of contracts):
    // wait until each is there and the counts hold still for one poll.
    let previous = '';
    for (let waited = 0; ; waited += 2) {
      const [learnt] = await dataSource.query<Learnt[]>(
        `SELECT (SELECT count(*) FROM known_city WHERE $1::uuid IS NULL OR id = $1) AS cities,
                (SELECT count(*) FROM ${GROUPS_OF_CITY}) AS groups,
                (SELECT count(*) FROM known_institution WHERE group_id IN (SELECT g.id FROM ${GROUPS_OF_CITY}))
                  AS institutions,
                (SELECT count(*) FROM known_contract k JOIN known_team t ON t.id = k.team_id
                  WHERE t.group_id IN (SELECT g.id FROM ${GROUPS_OF_CITY})) AS contracts`,
        [values.city ?? null],
      );
      const counts = `${learnt?.cities}/${learnt?.groups}/${learnt?.institutions}/${learnt?.contracts}`;
      const ready = learnt && !Object.values(learnt).includes('0');
      if (ready && counts === previous) break;
      if (waited >= waitSeconds) {
        if (ready) break;
        return say(
          `no demo city learnt from the registry within ${waitSeconds} s; no recognition activity loaded`,
        );
      }
      previous = counts;
      await pause(2000);
    }
    const report = await new DemoActivityLoader(new UnitOfWork(dataSource), values.city ?? null).load(say);
    if (report) {
      const figures = [...report.plan.figures.values()];
      const reused = figures.reduce((n, f) => n + f.reused, 0);
      const orderedAnyway = figures.reduce((n, f) => n + f.orderedAnyway, 0);
      const rate = rateBp({ lookups: 0, offered: 0, reused, orderedAnyway });
      say(
        `recognition as planned: ${reused} repeat tests avoided, ${orderedAnyway} ordered anyway` +
          (rate === null ? '' : `, a recognition rate of ${(rate / 100).toFixed(2)}%`),
      );
    }
    say(`recognition demo done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load-demo-activity failed: ${String(error)}\n`);
  process.exit(1);
});
