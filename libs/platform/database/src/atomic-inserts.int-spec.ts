import { randomUUID } from 'node:crypto';
import { type MigratedTestDatabase } from '@medgrid/testing';
import { type Pool } from 'pg';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import { AtomicInserts, type InsertGuard } from './atomic-inserts';
import { insertFrom } from './insert-from';
import { queryNamed } from './named-query';
import { scratchDatabase } from './test/scratch-database';

@Entity({ name: 'visit' })
class VisitRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id', type: 'text' }) residentId!: string;
  @Column({ name: 'seen_at', type: 'timestamptz' }) seenAt!: Date;
  @Column({ type: 'jsonb' }) findings!: { code: string }[];
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'integer' }) minutes!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'resident_id_number', type: 'char', length: 18, nullable: true }) residentIdNumber!:
    string | null;
}

/** No array column: written column by column (unnest) when asked. */
@Entity({ name: 'exam' })
class ExamRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'jsonb' }) findings!: { code: string; note?: string }[];
  @Column({ name: 'seen_at', type: 'timestamptz' }) seenAt!: Date;
  @Column({ type: 'integer' }) minutes!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'id_number', type: 'char', length: 18, nullable: true }) idNumber!: string | null;
}

@Entity({ name: 'read_log' })
class ReadLogRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) seq!: string;
  @Column({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @Column({ type: 'text', default: 'care' }) purpose!: string;
  @Column({ name: 'logged_at', type: 'timestamptz', default: () => 'now()' }) loggedAt!: Date;
}

describe(AtomicInserts.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await scratchDatabase('atomic_inserts', [VisitRow, ExamRow, ReadLogRow]);
    dataSource = database.dataSource;
    await dataSource.query(`
      CREATE TABLE visit (id uuid PRIMARY KEY, resident_id text NOT NULL, seen_at timestamptz NOT NULL,
        findings jsonb NOT NULL, tags text[] NOT NULL, minutes integer NOT NULL CHECK (minutes > 0), note text,
        resident_id_number char(18));
      CREATE TABLE read_log (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject_id text NOT NULL,
        purpose text NOT NULL DEFAULT 'care', logged_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE exam (id uuid PRIMARY KEY, findings jsonb NOT NULL, seen_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0), note text, id_number char(18));
      CREATE TABLE request (id uuid PRIMARY KEY)`);
  });

  beforeEach(() => dataSource.query(`TRUNCATE visit, exam, read_log, request`));

  afterAll(async () => {
    await database?.close();
  });

  const visit = (overrides: Partial<VisitRow> = {}): VisitRow =>
    Object.assign(new VisitRow(), {
      id: randomUUID(),
      residentId: '110101199001011234',
      seenAt: new Date('2026-12-05T02:30:00.000Z'),
      findings: [{ code: 'I10' }],
      tags: ['hypertension', '高血压'],
      minutes: 15,
      note: null,
      residentIdNumber: '11010119900101123X',
      ...overrides,
    });
  const readLog = (subjectId: string, purpose?: string): ReadLogRow =>
    Object.assign(new ReadLogRow(), { subjectId, ...(purpose ? { purpose } : {}) });
  /** A request recorded only when new: the guard of a write that must happen once. */
  const onlyOnce = (id: string): InsertGuard => ({
    sql: `INSERT INTO request (id) VALUES (:id::uuid) ON CONFLICT DO NOTHING RETURNING id`,
    parameters: { id },
  });
  const count = async (table: string) =>
    (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('writes rows of several entities with their types as the entities map them, defaults where left undefined', async () => {
    const first = visit();
    const second = visit({ note: '复诊', minutes: 30 });

    const written = await new AtomicInserts()
      .add(VisitRow, first, second)
      .add(ReadLogRow, readLog(first.id), readLog(second.id, 'referral'))
      .write(dataSource.manager);

    expect(written).toBe(true);
    expect(await dataSource.getRepository(VisitRow).findOneByOrFail({ id: second.id })).toEqual(second);
    const logs = await dataSource.getRepository(ReadLogRow).find({ order: { seq: 'ASC' } });
    // Rows of different shapes go in as separate inserts, in no promised order.
    expect(logs.map(({ subjectId, purpose }) => ({ subjectId, purpose }))).toEqual(
      expect.arrayContaining([
        { subjectId: first.id, purpose: 'care' },
        { subjectId: second.id, purpose: 'referral' },
      ]),
    );
    expect(logs).toHaveLength(2);
    expect(logs.every((log) => log.loggedAt instanceof Date)).toBe(true);
  });

  it('writes column by column with one text whatever the number of rows, the values as a VALUES list writes them', async () => {
    const exam = (overrides: Partial<ExamRow> = {}): ExamRow =>
      Object.assign(new ExamRow(), {
        id: randomUUID(),
        findings: [{ code: 'E11.9', note: 'a "quoted", {braced} \\ note' }],
        seenAt: new Date('2026-12-05T02:30:00.123Z'),
        minutes: 20,
        note: null,
        idNumber: '11010119900101123X',
        ...overrides,
      });
    const one = [exam()];
    // Values an array literal must quote: commas, quotes, braces, backslashes, NULL as text, blanks, Chinese.
    const three = [
      exam({ note: '复诊, "稳定" {ok} \\ NULL', minutes: 30 }),
      exam({ note: 'NULL', idNumber: null, findings: [] }),
      exam({ note: '  ', seenAt: new Date('2026-01-01T00:00:00.000Z') }),
    ];
    const query = jest.spyOn(dataSource.manager, 'query');
    try {
      for (const rows of [one, three]) {
        await new AtomicInserts()
          .add(ExamRow, ...rows)
          .add(VisitRow, visit())
          .write(dataSource.manager, undefined, { columnar: true, prepared: true });
      }
      const texts = query.mock.calls.map(([config]) => (config as unknown as { text: string }).text);
      expect(texts).toHaveLength(2);
      expect(texts[1]).toBe(texts[0]);
      expect(texts[0]).toContain('unnest(');
      // The visit's array column keeps a VALUES list: unnest would flatten its tags.
      expect(texts[0]).toContain('(VALUES ');
    } finally {
      query.mockRestore();
    }

    const stored = await dataSource.getRepository(ExamRow).find();
    expect(stored).toHaveLength(4);
    expect(stored).toEqual(expect.arrayContaining([...one, ...three]));
    expect(await dataSource.getRepository(VisitRow).count()).toBe(2);
  });

  it('writes nothing at all when one row breaks a constraint', async () => {
    const inserts = new AtomicInserts()
      .add(ReadLogRow, readLog('a'))
      .add(VisitRow, visit(), visit({ minutes: 0 }));

    await expect(inserts.write(dataSource.manager)).rejects.toThrow(/check constraint/);
    expect([await count('visit'), await count('read_log')]).toEqual([0, 0]);
  });

  it('writes the rows only when the guard returned a row, and says whether it did', async () => {
    const requestId = randomUUID();
    const attempt = () =>
      new AtomicInserts()
        .add(VisitRow, visit())
        .add(ReadLogRow, readLog('v'))
        .write(dataSource.manager, onlyOnce(requestId));

    expect(await attempt()).toBe(true);
    expect(await attempt()).toBe(false);
    expect([await count('request'), await count('visit'), await count('read_log')]).toEqual([1, 1, 1]);
  });

  it('lets exactly one of racing guarded writes through', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        new AtomicInserts().add(VisitRow, visit()).write(dataSource.manager, onlyOnce(requestId)),
      ),
    );

    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await count('visit')).toBe(1);
  });

  it('joins the transaction of the manager it is given, and rolls back with it', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await new AtomicInserts().add(VisitRow, visit()).write(manager);
        throw new Error('the rest of the work failed');
      }),
    ).rejects.toThrow('the rest of the work failed');

    expect(await count('visit')).toBe(0);
  });

  it('notifies its channels once when it writes the rows, and not when the guard found the request recorded', async () => {
    const listener = await (dataSource.driver as unknown as { master: Pool }).master.connect();
    try {
      const heard: string[] = [];
      listener.on('notification', (message) => heard.push(message.channel));
      await listener.query('LISTEN visits; LISTEN reads');
      // A notification reaches a listening session before the answer to its next statement.
      const heardSoFar = async () => (await listener.query('SELECT 1'), [...heard].sort());
      const requestId = randomUUID();
      const attempt = () =>
        new AtomicInserts()
          .add(VisitRow, visit(), visit())
          .notify('visits')
          .include(new AtomicInserts().add(ReadLogRow, readLog('v')).notify('reads').notify('visits'))
          .write(dataSource.manager, onlyOnce(requestId));

      expect(await attempt()).toBe(true);
      expect(await heardSoFar()).toEqual(['reads', 'visits']);
      expect(await attempt()).toBe(false);
      expect(await heardSoFar()).toEqual(['reads', 'visits']);

      await new AtomicInserts().add(VisitRow, visit()).notify('visits').write(dataSource.manager);
      expect(await heardSoFar()).toEqual(['reads', 'visits', 'visits']);
    } finally {
      listener.release(true);
    }
  });

  describe(insertFrom.name, () => {
    it('inserts a row inside a larger statement, a column computed by the statement, once per row of its source', async () => {
      const row = visit({ minutes: 1, note: '初诊' });
      const insert = insertFrom(dataSource.manager, VisitRow, row, 'decided', { minutes: 'decided.minutes' });

      const answer = await queryNamed<{ id: string }>(
        dataSource.manager,
        `WITH decided AS (SELECT :minutes::int AS minutes WHERE :decide::boolean),
              stored AS (${insert.sql} RETURNING id)
         SELECT id FROM stored`,
        { ...insert.parameters, minutes: 45, decide: true },
      );

      expect(answer).toEqual([{ id: row.id }]);
      expect(await dataSource.getRepository(VisitRow).findOneByOrFail({ id: row.id })).toEqual({
        ...row,
        minutes: 45,
      });
      const none = insertFrom(dataSource.manager, VisitRow, visit(), 'decided', {
        minutes: 'decided.minutes',
      });
      await queryNamed(
        dataSource.manager,
        `WITH decided AS (SELECT 1 AS minutes WHERE :decide::boolean) ${none.sql}`,
        { ...none.parameters, decide: false },
      );
      expect(await count('visit')).toBe(1);
    });

    it('refuses a computed column the entity does not have', () => {
      expect(() => insertFrom(dataSource.manager, VisitRow, visit(), 'x', { slot: 'x.slot' })).toThrow(
        /visit.*has no slot|VisitRow has no slot/,
      );
    });
  });

  it('writes nothing and answers true when it holds no rows', async () => {
    expect(new AtomicInserts().size).toBe(0);
    expect(await new AtomicInserts().write(dataSource.manager)).toBe(true);
  });
});
