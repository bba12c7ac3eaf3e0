import { type Driver, type EntityManager } from 'typeorm';
import { queryMaybePrepared } from './prepared-statement';

/** The values of a statement's `:name` parameters; SQL NULL is `null`, never `undefined`. */
export type NamedParameters = Readonly<Record<string, unknown>>;

// A name as TypeORM's PostgreSQL driver reads it (letters, digits, `_` and `.`, after `:` or
// `:...`), not preceded by another colon: the second colon of a `::type` cast is no parameter.
// Names start with a letter or `_`, so a time literal such as '08:30' is left alone.
const REFERENCE = /(?<!:):(?:\.\.\.)?([A-Za-z_][A-Za-z0-9_.]*)/g;
const CAST = /::([A-Za-z_][A-Za-z0-9_.]*)/g;

/**
 * The statement with `:name` turned into `$n` and its values in that order, as TypeORM's driver
 * does it (a repeated name is one `$n`; an array is one value, a PostgreSQL array; `:...name`
 * spreads an array into a list). Checked first, because the driver silently leaves an unknown
 * name in the SQL, runs a function value as SQL text, and would read the type of a `::type` cast
 * as a parameter of that name.
 */
export function bindNamed(driver: Driver, sql: string, parameters: NamedParameters): [string, unknown[]] {
  const used = new Set([...sql.matchAll(REFERENCE)].map((match) => match[1]!));
  const casts = new Set([...sql.matchAll(CAST)].map((match) => match[1]!));
  const problems: string[] = [];
  for (const name of used) {
    if (!Object.hasOwn(parameters, name)) problems.push(`:${name} has no value`);
  }
  for (const [name, value] of Object.entries(parameters)) {
    if (casts.has(name)) problems.push(`:${name} has the name of a cast in the statement (::${name})`);
    else if (!used.has(name)) problems.push(`:${name} is not used by the statement`);
    if (value === undefined) problems.push(`:${name} is undefined (pass null for NULL)`);
    if (typeof value === 'function') problems.push(`:${name} is a function, not a value`);
  }
  if (problems.length > 0) throw new Error(`named parameters: ${problems.join('; ')}`);
  return driver.escapeQueryWithParameters(sql, { ...parameters });
}

/**
 * Runs one statement written with named parameters (`WHERE id = :id AND at < :at::timestamptz`)
 * and answers its rows: the SELECT's, or the RETURNING rows of an INSERT, UPDATE or DELETE (none
 * without RETURNING). For the statements that must be exactly one piece of SQL (locks, SKIP
 * LOCKED, counters, conditional upserts, unnest bulk inserts); everything else goes through the
 * entities. Parameters bound by name cannot shift when a column is added, as a position can.
 * A plain object value is sent as JSON text; an array as a PostgreSQL array, so a jsonb array
 * goes in as `JSON.stringify(value)`. `prepared`: run as a named prepared statement (see queryPrepared), for
 * a hot statement of fixed text.
 */
export async function queryNamed<Row = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  parameters: NamedParameters,
  options: { prepared?: boolean } = {},
): Promise<Row[]> {
  const [text, values] = bindNamed(manager.dataSource.driver, sql, parameters);
  const answer = await queryMaybePrepared(manager, text, values, options.prepared);
  // TypeORM's PostgreSQL driver answers UPDATE and DELETE with [rows, rowCount], other commands
  // with the rows (plain objects, never arrays).
  if (
    Array.isArray(answer) &&
    answer.length === 2 &&
    Array.isArray(answer[0]) &&
    typeof answer[1] === 'number'
  ) {
    return answer[0] as Row[];
  }
  return answer as Row[];
}
