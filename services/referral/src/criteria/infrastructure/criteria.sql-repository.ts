import { Injectable } from '@nestjs/common';
import { changedRows, UnitOfWork } from '@medgrid/database';
import { CriteriaRepository, type StoredCriteria } from '../domain/criteria.repository';
import { type DiseaseCriteriaInput } from '../domain/disease-criteria';

/** criteria_entry and criteria_catalogue_state; the only SQL that touches them. */
@Injectable()
export class CriteriaSqlRepository extends CriteriaRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async version(): Promise<number> {
    const [row] = await this.uow
      .manager()
      .query<{ version: string }[]>(`SELECT version FROM criteria_catalogue_state WHERE id = 1`);
    return Number(row?.version ?? 0);
  }

  async all(): Promise<StoredCriteria[]> {
    const rows = await this.uow
      .manager()
      .query<{ key: string; definition: DiseaseCriteriaInput; updated_at: Date }[]>(
        `SELECT key, definition, updated_at FROM criteria_entry ORDER BY key`,
      );
    return rows.map((row) => ({ key: row.key, input: row.definition, updatedAt: row.updated_at }));
  }

  async lockCatalogue(): Promise<number> {
    const [row] = await this.uow
      .manager()
      .query<{ version: string }[]>(`SELECT version FROM criteria_catalogue_state WHERE id = 1 FOR UPDATE`);
    return Number(row?.version ?? 0);
  }

  async put(key: string, input: DiseaseCriteriaInput, now: Date): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO criteria_entry (key, definition, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
      [key, JSON.stringify(input), now],
    );
  }

  async remove(key: string): Promise<boolean> {
    const deleted = await changedRows(
      this.uow.manager(),
      `DELETE FROM criteria_entry WHERE key = $1 RETURNING key`,
      [key],
    );
    return deleted.length > 0;
  }

  async bumpVersion(): Promise<void> {
    await this.uow.manager().query(`UPDATE criteria_catalogue_state SET version = version + 1 WHERE id = 1`);
  }
}
