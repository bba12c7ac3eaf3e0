import { randomUUID } from 'node:crypto';
import { type MigratedTestDatabase } from '@medgrid/testing';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import { GroupedInserts } from './group-commit';
import { scratchDatabase } from './test/scratch-database';
import { UnitOfWork } from './unit-of-work';

@Entity({ name: 'checked' })
class CheckedRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'jsonb' }) lines!: { code: string }[];
  @Column({ type: 'integer' }) minutes!: number;
}

@Entity({ name: 'read_log' })
class ReadLogRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) seq!: string;
  @Column({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @Column({ name: 'logged_at', type: 'timestamptz', default: () => 'now()' }) loggedAt!: Date;
}

describe(GroupedInserts.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    database = await scratchDatabase('group_commit', [CheckedRow, ReadLogRow]);
    dataSource = database.dataSource;
    uow = new UnitOfWork(dataSource);
    await dataSource.query(`
      CREATE TABLE checked (id uuid PRIMARY KEY, lines jsonb NOT NULL, minutes integer NOT NULL CHECK (minutes > 0));
      CREATE TABLE read_log (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject_id text NOT NULL,
        logged_at timestamptz NOT NULL DEFAULT now())`);
  });

  beforeEach(() => dataSource.query(`TRUNCATE checked, read_log`));

  afterAll(async () => {
    await database?.close();
  });

  const checked = (minutes = 10): CheckedRow =>
    Object.assign(new CheckedRow(), { id: randomUUID(), lines: [{ code: 'I10' }], minutes });
  const readLog = (subjectId: string): ReadLogRow => Object.assign(new ReadLogRow(), { subjectId });
  /** What another connection sees committed: the ids of `checked` and the subjects of `read_log`. */
  const committed = async () => ({
    checked: (await dataSource.query<{ id: string }[]>(`SELECT id FROM checked ORDER BY id`)).map(
      (r) => r.id,
    ),
    logs: (await dataSource.query<{ s: string }[]>(`SELECT subject_id AS s FROM read_log ORDER BY s`)).map(
      (r) => r.s,
    ),
  });
  /** A caller's write, and what was committed when it was answered. */
  const callerOf = (sut: GroupedInserts, row: CheckedRow) =>
    sut
      .write((inserts) => inserts.add(CheckedRow, row).add(ReadLogRow, readLog(row.id)))
      .then(async () => ({ row: row.id, seen: await committed() }));

  it('writes many callers rows in one statement and answers each once its rows are committed', async () => {
    const sut = new GroupedInserts(uow, { maxInFlight: 1 });
    const rows = Array.from({ length: 25 }, () => checked());
    const statements: string[] = [];
    const query = dataSource.manager.query.bind(dataSource.manager);
    const spy = jest.spyOn(dataSource.manager, 'query').mockImplementation((text, values) => {
      statements.push(String(text));
      return query(text, values);
    });

    const answers = await Promise.all(rows.map((row) => callerOf(sut, row)));
    spy.mockRestore();

    expect(statements).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.seen.checked).toContain(answer.row);
      expect(answer.seen.logs).toContain(answer.row);
    }
    const ids = rows.map((row) => row.id).sort();
    // Each caller's rows once: nothing written twice.
    expect(await committed()).toEqual({ checked: ids, logs: ids });
    expect(await dataSource.getRepository(CheckedRow).findOneByOrFail({ id: rows[0]!.id })).toEqual(rows[0]);
  });

  it('fails every caller of a batch one of whose rows breaks a constraint, writing none of it, and the next batch goes on', async () => {
    const sut = new GroupedInserts(uow, { maxInFlight: 1 });
    const good = checked();
    const bad = checked(0);

    const outcomes = await Promise.allSettled([callerOf(sut, good), callerOf(sut, bad)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/check constraint/);
    expect(await committed()).toEqual({ checked: [], logs: [] });

    const after = checked();
    await callerOf(sut, after);
    expect(await committed()).toEqual({ checked: [after.id], logs: [after.id] });
  });

  it('leaves a caller whose staging throws unwritten, without failing the others', async () => {
    const sut = new GroupedInserts(uow);
    const row = checked();

    const outcomes = await Promise.allSettled([
      sut.write((inserts) => {
        inserts.add(CheckedRow, checked());
        throw new Error('no audit row for this one');
      }),
      callerOf(sut, row),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
    expect(await committed()).toEqual({ checked: [row.id], logs: [row.id] });
  });

  it('refuses to write inside a transaction, whose rollback could not take its rows back', async () => {
    const sut = new GroupedInserts(uow);

    await expect(uow.run(() => sut.write((inserts) => inserts.add(CheckedRow, checked())))).rejects.toThrow(
      /outside UnitOfWork.run/,
    );
    expect(await committed()).toEqual({ checked: [], logs: [] });
  });
});
