import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { type ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { sqlType } from './column-sql-type';
import { bindNamed, type NamedParameters } from './named-query';
import { queryMaybePrepared } from './prepared-statement';

/** An INSERT … RETURNING written with named parameters; its rows say whether the other inserts happen. */
export interface InsertGuard {
  readonly sql: string;
  readonly parameters: NamedParameters;
}

interface Part {
  readonly target: EntityTarget<ObjectLiteral>;
  readonly rows: ObjectLiteral[];
}

/**
 * Rows of several entities that land together or not at all as ONE statement (each table's insert a
 * data-modifying CTE), with no transaction around it: one round trip where BEGIN, an INSERT per table
 * and COMMIT take four or more. For the hottest writes that only add rows (a look-up recorded with its
 * audit row and its client request), where round trips are most of the cost. Rows are entities as
 * their repositories map them; a column left undefined takes its default, as in `manager.insert`.
 *
 * A guard (an INSERT … RETURNING, such as the record of a client request taken only when new) is
 * written first: the other rows are inserted only when it returned a row, so a retry that finds its
 * request recorded adds nothing.
 */
export class AtomicInserts {
  private readonly parts: Part[] = [];
  private readonly channels = new Set<string>();

  add<Entity extends ObjectLiteral>(target: EntityTarget<Entity>, ...rows: Entity[]): this {
    if (rows.length === 0) return this;
    // A table's rows share one insert however often it is added to: a batch of many callers'
    // rows (GroupedInserts) is then one insert per table, not one per caller.
    const part = this.parts.find((existing) => existing.target === target);
    if (part) part.rows.push(...rows);
    else this.parts.push({ target: target, rows: [...rows] });
    return this;
  }

  /**
   * Notifies `channel` (pg_notify, empty payload) in the same statement, only when the rows are written:
   * listeners hear of them once they are committed (the outbox relays of the database, for outbox rows).
   */
  notify(channel: string): this {
    this.channels.add(channel);
    return this;
  }

  /** Adds every row and notification staged in `other` (which is left as it was). */
  include(other: AtomicInserts): this {
    for (const part of other.parts) this.add(part.target, ...part.rows);
    for (const channel of other.channels) this.notify(channel);
    return this;
  }

  get size(): number {
    return this.parts.reduce((total, part) => total + part.rows.length, 0);
  }

  /**
   * Writes the rows in one statement on `manager` (the pool's, or the current transaction's, which
   * they then join). Answers false, having written nothing, when the guard returned no row; true
   * otherwise. `prepared`: as a named prepared statement (queryPrepared), for a hot write whose rows
   * have the same shape every time. `columnar`: each table's rows as one array a column, unnested
   * (`SELECT * FROM unnest($1::uuid[], $2::text[], …)`), not a VALUES list of a parameter a value: the
   * statement's text is then the same however many rows it carries, so a batch of any size is one
   * prepared statement, and PostgreSQL binds a handful of parameters instead of parsing and planning
   * hundreds. A table with an array column keeps the VALUES list (unnest would flatten its arrays).
   */
  async write(
    manager: EntityManager,
    guard?: InsertGuard,
    options: { prepared?: boolean; columnar?: boolean } = {},
  ): Promise<boolean> {
    const driver = manager.connection.driver;
    const values: unknown[] = [];
    const ctes: string[] = [];
    if (guard) {
      const [text, guardValues] = bindNamed(driver, guard.sql, guard.parameters);
      values.push(...guardValues);
      ctes.push(`guard AS (${text})`);
    }
    const placeholder = (value: unknown, type: string) => {
      values.push(value);
      return `$${values.length}::${type}`;
    };
    for (const [index, part] of this.parts.entries()) {
      const metadata = manager.connection.getMetadata(part.target);
      for (const rows of byShape(metadata.columns, part.rows)) {
        const columns = metadata.columns.filter((column) => column.getEntityValue(rows[0]!) !== undefined);
        if (columns.length === 0) throw new Error(`AtomicInserts: a ${metadata.name} row has no values`);
        // A column's type once per insert, not once per value: a batch has many rows.
        const types = columns.map((column) => sqlType(manager, column));
        const persistent = (row: ObjectLiteral, column: ColumnMetadata) =>
          driver.preparePersistentValue(column.getEntityValue(row), column) as unknown;
        const source =
          options.columnar && !columns.some((column) => column.isArray)
            ? `unnest(${columns
                .map((column, at) =>
                  placeholder(
                    rows.map((row) => persistent(row, column)),
                    `${types[at]!}[]`,
                  ),
                )
                .join(', ')})`
            : `(VALUES ${rows
                .map(
                  (row) =>
                    `(${columns.map((column, at) => placeholder(persistent(row, column), types[at]!)).join(', ')})`,
                )
                .join(', ')})`;
        const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
        ctes.push(
          `insert_${index}_${ctes.length} AS (INSERT INTO ${driver.escape(metadata.tablePath)} (${names}) ` +
            `SELECT * FROM ${source} AS row${guard ? ' WHERE EXISTS (SELECT 1 FROM guard)' : ''})`,
        );
      }
    }
    if (ctes.length === 0) return true;
    // A notification is a plain SELECT's side effect: it must be in the statement's result to run at all
    // (a SELECT in WITH runs only when read), and runs once per row of what it selects from: once, or not
    // at all when the guard found the request recorded.
    const notifications = [...this.channels].map(
      (channel, at) =>
        `, (SELECT pg_notify(${placeholder(channel, 'text')}, '')${guard ? ' FROM guard LIMIT 1' : ''}) AS notified_${at}`,
    );
    const text =
      `WITH ${ctes.join(', ')} SELECT ${guard ? 'EXISTS (SELECT 1 FROM guard)' : 'true'} AS guarded` +
      notifications.join('');
    const answer = (await queryMaybePrepared(manager, text, values, options.prepared)) as {
      guarded: boolean;
    }[];
    return answer[0]!.guarded;
  }
}

/** The rows grouped by which columns they give a value (the others take their defaults). */
function byShape(columns: readonly ColumnMetadata[], rows: readonly ObjectLiteral[]): ObjectLiteral[][] {
  const shapes = new Map<string, ObjectLiteral[]>();
  for (const row of rows) {
    const shape = columns.map((column) => (column.getEntityValue(row) === undefined ? '0' : '1')).join('');
    const same = shapes.get(shape);
    if (same) same.push(row);
    else shapes.set(shape, [row]);
  }
  return [...shapes.values()];
}
