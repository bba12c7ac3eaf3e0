import { TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { changedRows } from './changed-rows';
import { createDataSource } from './create-data-source';

describe(changedRows.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await TestDatabase.create('changed_rows');
    dataSource = createDataSource({
      url: database.url,
      applicationName: 'database-int',
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE seat (slot int PRIMARY KEY, taken_by text)`);
    await dataSource.query(`INSERT INTO seat (slot) SELECT generate_series(1, 3)`);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('gives the rows an UPDATE … RETURNING changed, and none when it changed nothing', async () => {
    const taken = await changedRows<{ slot: number }>(
      dataSource.manager,
      `UPDATE seat SET taken_by = $1 WHERE slot = (SELECT min(slot) FROM seat WHERE taken_by IS NULL)
       RETURNING slot`,
      ['a'],
    );
    const none = await changedRows<{ slot: number }>(
      dataSource.manager,
      `UPDATE seat SET taken_by = $1 WHERE slot = 99 RETURNING slot`,
      ['b'],
    );

    expect(taken).toEqual([{ slot: 1 }]);
    expect(none).toEqual([]);
  });

  it('gives the rows a DELETE … RETURNING removed', async () => {
    const removed = await changedRows<{ slot: number }>(
      dataSource.manager,
      `DELETE FROM seat WHERE slot >= $1 RETURNING slot`,
      [2],
    );

    expect(removed.map((row) => row.slot).sort()).toEqual([2, 3]);
  });

  it('refuses a statement that is not an UPDATE or DELETE', async () => {
    await expect(changedRows(dataSource.manager, `SELECT slot FROM seat`, [])).rejects.toThrow(
      /UPDATE or DELETE/,
    );
  });
});
