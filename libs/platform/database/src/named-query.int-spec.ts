import { type MigratedTestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { queryNamed } from './named-query';
import { scratchDatabase } from './test/scratch-database';

describe(queryNamed.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await scratchDatabase('named_query');
    dataSource = database.dataSource;
    await dataSource.query(
      `CREATE TABLE counter (id uuid PRIMARY KEY, tags text[] NOT NULL, doc jsonb NOT NULL, hits int NOT NULL)`,
    );
  });

  afterAll(async () => {
    await database?.close();
  });

  const A = '0193a000-0000-7000-8000-00000000000a';
  const B = '0193a000-0000-7000-8000-00000000000b';

  it('inserts with arrays, JSON and casts, answering the RETURNING rows', async () => {
    const rows = await queryNamed<{ id: string }>(
      dataSource.manager,
      `INSERT INTO counter (id, tags, doc, hits)
       SELECT id, :tags, :doc::jsonb, 0 FROM unnest(:ids::uuid[]) AS id RETURNING id`,
      { ids: [A, B], tags: ['x', 'y'], doc: JSON.stringify([{ k: 1 }]) },
    );

    expect(rows.map((row) => row.id).sort()).toEqual([A, B]);
    expect(await dataSource.query(`SELECT tags, doc FROM counter WHERE id = $1`, [A])).toEqual([
      { tags: ['x', 'y'], doc: [{ k: 1 }] },
    ]);
  });

  it('answers the rows an UPDATE … RETURNING changed, and none when it changed nothing', async () => {
    const bump = `UPDATE counter SET hits = hits + :by WHERE id = :id AND hits < :by * 10 RETURNING hits`;

    expect(await queryNamed(dataSource.manager, bump, { id: A, by: 3 })).toEqual([{ hits: 3 }]);
    expect(
      await queryNamed(dataSource.manager, bump, { id: '0193a000-0000-7000-8000-0000000000ff', by: 3 }),
    ).toEqual([]);
  });

  it('answers no rows for a statement without RETURNING', async () => {
    expect(await queryNamed(dataSource.manager, `DELETE FROM counter WHERE id = :id`, { id: B })).toEqual([]);
    expect(await dataSource.query(`SELECT id FROM counter ORDER BY id`)).toEqual([{ id: A }]);
  });

  it('reads with a repeated name, a time literal and a cast', async () => {
    const [row] = await queryNamed<{ same: boolean; at: string }>(
      dataSource.manager,
      `SELECT :n::int = :n::int AS same, '08:30'::time::text AS at FROM counter WHERE id = :id`,
      { n: 5, id: A },
    );

    expect(row).toEqual({ same: true, at: '08:30:00' });
  });

  it('refuses a statement whose names and values do not match before sending it', async () => {
    await expect(
      queryNamed(dataSource.manager, `UPDATE counter SET hits = :hits WHERE id = :id`, { hit: 1, id: A }),
    ).rejects.toThrow(':hits has no value; :hit is not used by the statement');
    expect(await dataSource.query(`SELECT hits FROM counter WHERE id = $1`, [A])).toEqual([{ hits: 3 }]);
  });

  it('answers the rows a DELETE … RETURNING removed', async () => {
    expect(
      await queryNamed(dataSource.manager, `DELETE FROM counter WHERE hits >= :least RETURNING id`, {
        least: 1,
      }),
    ).toEqual([{ id: A }]);
  });
});
