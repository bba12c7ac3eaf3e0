// Group commit's VALUES list against its columnar form (scripts/bench-group-commit.sh runs it): writers hand a
// prescription check's record (18 columns, its lines as jsonb) and an audit row (9 columns) to one CallBatcher, whose
// runs write a batch as ONE statement, as GroupedInserts does; each turn writes for BENCH_SECONDS one way. Node's
// CPU is this process's; PostgreSQL's is its backends' on the bench database, read from /proc.
const { readdirSync, readFileSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { DataSource, EntitySchema } = require('typeorm');
const { AtomicInserts, CallBatcher } = require('../../libs/platform/database/dist/index.js');

const url = process.env.BENCH_URL;
const database = process.env.BENCH_DB;
const writers = Number(process.env.BENCH_WRITERS || 100);
const seconds = Number(process.env.BENCH_SECONDS || 8);
const modes = (process.env.BENCH_MODES || 'values,columnar,values,columnar').split(',');

const Check = new EntitySchema({
  name: 'check_record',
  columns: {
    id: { type: 'uuid', primary: true },
    group_id: { type: 'uuid' },
    institution_id: { type: 'uuid' },
    prescriber_subject: { type: 'text' },
    prescriber_role: { type: 'text' },
    practitioner_id: { type: 'uuid', nullable: true },
    patient_resident_id: { type: 'text' },
    checked_at: { type: 'timestamptz' },
    outcome: { type: 'text' },
    lines: { type: 'jsonb' },
    catalogued_lines: { type: 'integer' },
    essential_lines: { type: 'integer' },
    volume_based_lines: { type: 'integer' },
    amount_fen: { type: 'bigint' },
    essential_amount_fen: { type: 'bigint' },
    volume_based_amount_fen: { type: 'bigint' },
    long_accepted: { type: 'integer' },
    long_capped: { type: 'integer' },
  },
});
const Audit = new EntitySchema({
  name: 'audit_row',
  columns: {
    id: { type: 'uuid', primary: true },
    at: { type: 'timestamptz' },
    subject: { type: 'text' },
    role: { type: 'text' },
    institution_id: { type: 'uuid' },
    kind: { type: 'text' },
    resource_id: { type: 'text' },
    purpose: { type: 'text' },
    outcome: { type: 'text' },
  },
});

const lines = Array.from({ length: 5 }, (_, i) => ({
  code: `XC09AA0${i}`,
  daysOfSupply: 30,
  essential: i % 2 === 0,
  findings: [{ code: 'LONG_PRESCRIPTION' }],
}));
const aCheck = () => ({
  id: randomUUID(),
  group_id: randomUUID(),
  institution_id: randomUUID(),
  prescriber_subject: 'partner-his-0001',
  prescriber_role: 'primary-staff',
  practitioner_id: randomUUID(),
  patient_resident_id: '110101199001011234',
  checked_at: new Date(),
  outcome: 'OK',
  lines,
  catalogued_lines: 5,
  essential_lines: 3,
  volume_based_lines: 2,
  amount_fen: '12345',
  essential_amount_fen: '2345',
  volume_based_amount_fen: '345',
  long_accepted: 1,
  long_capped: 0,
});
const anAudit = () => ({
  id: randomUUID(),
  at: new Date(),
  subject: 'partner-his-0001',
  role: 'primary-staff',
  institution_id: randomUUID(),
  kind: 'resident',
  resource_id: '110101199001011234',
  purpose: 'prescribing',
  outcome: 'read',
});

/** CPU milliseconds of PostgreSQL's backends on the bench database (their process titles name it). */
function backendsCpuMs() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks * 10; // 100 ticks a second
}

async function turn(dataSource, mode) {
  const options = mode === 'columnar' ? { columnar: true, prepared: true } : {};
  const batcher = new CallBatcher(async (batch) => {
    const inserts = new AtomicInserts();
    for (const staged of batch) inserts.include(staged);
    await inserts.write(dataSource.manager, undefined, options);
    return batch.map(() => undefined);
  });
  const end = Date.now() + seconds * 1000;
  let written = 0;
  const postgresBefore = backendsCpuMs();
  const nodeBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < end) {
        await batcher.add(new AtomicInserts().add(Check, aCheck()).add(Audit, anAudit()));
        written++;
      }
    }),
  );
  const node = process.cpuUsage(nodeBefore);
  const postgresMs = backendsCpuMs() - postgresBefore;
  return {
    mode,
    perSecond: written / seconds,
    nodeMicros: (node.user + node.system) / written,
    postgresMicros: (postgresMs * 1000) / written,
  };
}

(async () => {
  const dataSource = new DataSource({ type: 'postgres', url, entities: [Check, Audit], extra: { max: 10 } });
  await dataSource.initialize();
  await dataSource.query(`
    CREATE TABLE check_record (id uuid PRIMARY KEY, group_id uuid NOT NULL, institution_id uuid NOT NULL,
      prescriber_subject text NOT NULL, prescriber_role text NOT NULL, practitioner_id uuid,
      patient_resident_id text NOT NULL, checked_at timestamptz NOT NULL, outcome text NOT NULL, lines jsonb NOT NULL,
      catalogued_lines integer NOT NULL, essential_lines integer NOT NULL, volume_based_lines integer NOT NULL,
      amount_fen bigint NOT NULL, essential_amount_fen bigint NOT NULL, volume_based_amount_fen bigint NOT NULL,
      long_accepted integer NOT NULL, long_capped integer NOT NULL);
    CREATE INDEX ON check_record (institution_id, checked_at);
    CREATE TABLE audit_row (id uuid PRIMARY KEY, at timestamptz NOT NULL, subject text NOT NULL, role text NOT NULL,
      institution_id uuid NOT NULL, kind text NOT NULL, resource_id text NOT NULL, purpose text NOT NULL,
      outcome text NOT NULL)`);
  console.log(
    `${writers} writers, ${seconds} s a turn; a check = its record (18 columns) + an audit row (9)`,
  );
  const results = [];
  for (const mode of modes) {
    const result = await turn(dataSource, mode);
    results.push(result);
    console.log(
      `  ${mode.padEnd(9)} ${result.perSecond.toFixed(0).padStart(6)} checks/s   node ${result.nodeMicros.toFixed(1)} µs a check   postgres ${result.postgresMicros.toFixed(1)} µs a check`,
    );
  }
  const mean = (mode, key) => {
    const of = results.filter((r) => r.mode === mode);
    return of.reduce((sum, r) => sum + r[key], 0) / of.length;
  };
  if (modes.includes('values') && modes.includes('columnar')) {
    console.log(
      `columnar / values: checks/s ${(mean('columnar', 'perSecond') / mean('values', 'perSecond')).toFixed(2)}, ` +
        `postgres CPU a check ${(mean('columnar', 'postgresMicros') / mean('values', 'postgresMicros')).toFixed(2)}, ` +
        `node CPU a check ${(mean('columnar', 'nodeMicros') / mean('values', 'nodeMicros')).toFixed(2)}`,
    );
  }
  await dataSource.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
