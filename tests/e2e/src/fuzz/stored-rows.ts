import { type Client as PgClient } from 'pg';

/**
 * Row counts of a service's tables that only a call's own work writes: every public table but the audit log (a
 * refusal is audited), the inbox and the registry projections (Kafka consumers write them at any time) and the
 * migrations' record. Equal counts before and after a batch of refused calls mean none of them stored anything.
 */
export class StoredRows {
  private constructor(
    private readonly sql: PgClient,
    private readonly query: string,
  ) {}

  static async of(sql: PgClient): Promise<StoredRows> {
    const { rows } = await sql.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables
        WHERE schemaname = 'public'
          AND tablename NOT IN ('audit_log', 'inbox', 'schema_migrations')
          AND tablename NOT LIKE 'known\\_%'
        ORDER BY tablename`,
    );
    const query = rows
      .map(({ tablename }) => `SELECT '${tablename}' AS t, count(*)::int AS n FROM "${tablename}"`)
      .join(' UNION ALL ');
    return new StoredRows(sql, query);
  }

  async count(): Promise<Map<string, number>> {
    const { rows } = await this.sql.query<{ t: string; n: number }>(this.query);
    return new Map(rows.map((r) => [r.t, r.n]));
  }

  /** The tables whose counts differ, as `table +n`. */
  static changed(before: Map<string, number>, after: Map<string, number>): string[] {
    return [...after]
      .filter(([t, n]) => before.get(t) !== n)
      .map(([t, n]) => `${t} ${n - (before.get(t) ?? 0) >= 0 ? '+' : ''}${n - (before.get(t) ?? 0)}`);
  }
}
