import { status } from '@grpc/grpc-js';
import { writeFileSync } from 'node:fs';
import { SeededRandom } from '../fuzz/seeded-random';
import { AccessCity, type Service, SERVICES } from './access-city';
import { type Cell, cellsOf, CALLERS, readTable, TABLE_PATH } from './access-table';
import { OWNERS } from './access-requests';
import { AccessWalker, type CellResult } from './access-walker';

/**
 * The access matrix (docs/access-matrix.md) walked against the services as processes on real PostgreSQL and Kafka
 * (scripts/access-matrix.sh): every RPC × caller × owner cell called once, its answer and its audit row checked.
 * ACCESS_SAMPLE walks that many cells of the table, picked with ACCESS_SEED (scripts/test.sh's subset); ACCESS_RPC
 * (a part of the RPC's name) narrows the walk to some rows.
 */
const sample = Number(process.env.ACCESS_SAMPLE ?? 0);
const seed = Number(process.env.ACCESS_SEED ?? 20261206);
const onlyRpc = process.env.ACCESS_RPC || undefined;

const say = (line: string) => process.stdout.write(`${line}\n`);

function chosenCells(): Cell[] {
  const all = cellsOf(readTable()).filter((cell) => !onlyRpc || cell.row.rpc.includes(onlyRpc));
  if (!sample || sample >= all.length) return all;
  const random = new SeededRandom(seed);
  const pool = [...all];
  const chosen: Cell[] = [];
  while (chosen.length < sample) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return chosen;
}

describe('the access matrix, walked against the services', () => {
  const city = new AccessCity();
  const cells = chosenCells();
  const services = SERVICES.filter((s) => cells.some((c) => c.row.service === s));
  let walker: AccessWalker;

  beforeAll(async () => {
    say(
      `access: ${cells.length} cells of ${TABLE_PATH}${sample ? ` (a sample, seed ${seed})` : ''}, services ${services.join(', ')}`,
    );
    const started = Date.now();
    await city.start(services);
    walker = new AccessWalker(city);
    say(`access: city up in ${((Date.now() - started) / 1000).toFixed(1)} s (${city.phases.join(', ')})`);
  }, 600_000);

  afterAll(async () => {
    walker?.close();
    await city.stop();
  }, 120_000);

  it('answers every cell as the table says, and audits every refusal and every read of personal data', async () => {
    const started = Date.now();
    const results = await walker.walk(cells);
    const seconds = (Date.now() - started) / 1000;
    const wrong = results.filter((r) => r.problems.length > 0);
    const byCaller = CALLERS.map(
      (caller) => `${caller} ${results.filter((r) => r.cell.caller === caller).length}`,
    );
    say(
      `access: ${results.length} cells in ${seconds.toFixed(1)} s (${byCaller.join(', ')}), ${wrong.length} wrong`,
    );
    const verified = results.filter((r) => r.verified);
    say(
      `access: ${verified.length} cells answered by the rule itself (${CALLERS.map((c) => `${c} ${verified.filter((r) => r.cell.caller === c).length}`).join(', ')}); ` +
        `${results.length - verified.length - wrong.length} stopped before it (INVALID_ARGUMENT, or a record the walk did not make)`,
    );
    for (const why of ['invalid-argument', 'unmade'] as const) {
      const apart = new Map<string, number>();
      for (const r of results.filter((r) => r.apart === why))
        apart.set(r.cell.row.rpc, (apart.get(r.cell.row.rpc) ?? 0) + 1);
      if (apart.size > 0)
        say(
          `access: apart (${why === 'unmade' ? 'a record the walk did not make' : 'INVALID_ARGUMENT'}): ${[...apart].map(([rpc, n]) => `${rpc} ${n}`).join(', ')}`,
        );
    }
    const audits = results.flatMap((r) => r.audited);
    say(
      `access: audit rows checked ${audits.length} (refused ${audits.filter((a) => a === 'refused').length}, read ${audits.filter((a) => a === 'read').length})`,
    );
    const statuses = new Map<string, number>();
    for (const r of results) statuses.set(status[r.code], (statuses.get(status[r.code]) ?? 0) + 1);
    say(`access: statuses ${[...statuses].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    const lines = wrong
      .sort((a, b) => a.cell.row.line - b.cell.row.line)
      .map(
        (r) =>
          `${r.cell.row.rpc} as ${r.cell.caller} on ${r.cell.owner} (line ${r.cell.row.line}): ${r.problems.join('; ')}`,
      );
    for (const line of lines) say(`access WRONG ${line}`);
    if (process.env.ACCESS_OBSERVED) writeFileSync(process.env.ACCESS_OBSERVED, observedRows(results));
    expect(lines).toEqual([]);
  }, 1_800_000);

  it.each(SERVICES)(
    '%s: the role the service connects with can neither update nor delete audit rows',
    async (service) => {
      const target = city.targets.get(service);
      if (!target) return;
      const { rows } = await target.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
      for (const statement of [
        `UPDATE audit_log SET purpose = 'rewritten'`,
        `DELETE FROM audit_log`,
        `TRUNCATE audit_log`,
      ]) {
        await expect(target.sql.query(statement)).rejects.toMatchObject({ code: '42501' });
      }
      const after = await target.sql.query<{ n: number; rewritten: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE purpose = 'rewritten')::int AS rewritten FROM audit_log`,
      );
      expect(after.rows[0]).toEqual({ n: rows[0]!.n, rewritten: 0 });
    },
  );
});

/** The answers in the table's own form, one row per RPC (ACCESS_OBSERVED names the file): for comparing by eye. */
function observedRows(results: readonly CellResult[]): string {
  const rows = new Map<string, Map<string, string>>();
  for (const r of results) {
    const key = `${r.cell.row.service} | ${r.cell.row.rpc}`;
    const row = rows.get(key) ?? new Map<string, string>();
    row.set(`${r.cell.caller} ${r.cell.owner}`, `${r.got}${r.code === status.INVALID_ARGUMENT ? '?' : ''}`);
    rows.set(key, row);
  }
  return [...rows]
    .map(([key, row]) => {
      const cells = CALLERS.map((caller) => {
        const letters = OWNERS.map((owner) => row.get(`${caller} ${owner}`) ?? '.');
        return letters.every((l) => l === letters[0]) ? letters[0] : letters.join('');
      });
      return `| ${key} | ${cells.join(' | ')} |`;
    })
    .join('\n');
}

export type { Service };
