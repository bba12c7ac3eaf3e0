import { type MigratedTestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { queryNamed } from './named-query';
import { queryPrepared } from './prepared-statement';
import { scratchDatabase } from './test/scratch-database';
import { violatedUniqueConstraint } from './unique-violations';

describe(queryPrepared.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await scratchDatabase('prepared_statement');
    dataSource = database.dataSource;
    await dataSource.query(`CREATE TABLE tally (code text PRIMARY KEY, hits int NOT NULL)`);
  });

  afterAll(async () => {
    await database?.close();
  });

  const insert = `INSERT INTO tally (code, hits) VALUES ($1, $2) RETURNING code`;
  const prepared = (manager = dataSource.manager) =>
    manager.query<{ statement: string }[]>(`SELECT statement FROM pg_prepared_statements`);

  it('prepares the statement once on a connection and runs it again by name, in the transaction it is given', async () => {
    const seen = await dataSource.transaction(async (manager) => {
      const first = await queryPrepared(manager, insert, ['I10', 1]);
      const second = await queryPrepared(manager, insert, ['E11', 2]);
      return { first, second, prepared: await prepared(manager) };
    });

    expect(seen.first).toEqual([{ code: 'I10' }]);
    expect(seen.second).toEqual([{ code: 'E11' }]);
    expect(seen.prepared).toEqual([{ statement: insert }]);
  });

  it('fails as TypeORM fails a query, so a unique violation is recognised', async () => {
    await queryPrepared(dataSource.manager, insert, ['J44', 1]);

    const failure: unknown = await queryPrepared(dataSource.manager, insert, ['J44', 1]).catch(
      (error: unknown) => error,
    );

    expect(violatedUniqueConstraint(failure)).toBe('tally_pkey');
  });

  it('runs a named-parameter statement prepared when asked', async () => {
    const rows = await dataSource.transaction(async (manager) => {
      await queryNamed(
        manager,
        `UPDATE tally SET hits = hits + :by WHERE code = :code`,
        { by: 5, code: 'I10' },
        {
          prepared: true,
        },
      );
      return {
        hits: await manager.query<{ hits: number }[]>(`SELECT hits FROM tally WHERE code = 'I10'`),
        prepared: await prepared(manager),
      };
    });

    expect(rows.hits).toEqual([{ hits: 6 }]);
    expect(rows.prepared).toEqual(
      expect.arrayContaining([{ statement: 'UPDATE tally SET hits = hits + $1 WHERE code = $2' }]),
    );
  });
});
