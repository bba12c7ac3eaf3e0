import { type EntityManager } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` or `DELETE … RETURNING` gives back. TypeORM's PostgreSQL
 * driver answers those two commands through `EntityManager.query` with `[rows, rowCount]`, not
 * with the rows as it does for SELECT and INSERT, so reading its answer as rows silently sees
 * two "rows" whatever the statement changed.
 */
export async function changedRows<Row>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const answer: unknown = await manager.query(sql, [...parameters]);
  if (
    Array.isArray(answer) &&
    answer.length === 2 &&
    Array.isArray(answer[0]) &&
    typeof answer[1] === 'number'
  ) {
    return answer[0] as Row[];
  }
  throw new Error('changedRows is for UPDATE or DELETE … RETURNING statements');
}
