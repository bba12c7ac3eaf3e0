import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { sqlType } from './column-sql-type';
import { type NamedParameters } from './named-query';

/**
 * The INSERT of one entity row inside a larger statement, as `INSERT INTO <table> (…) SELECT … FROM <source>`: the
 * row's values are named parameters (`:insert_<column>`), cast to their columns' types, except the columns `computed`
 * gives as SQL over `source`, for a value the same statement decides (the seat a claim's UPDATE took, say); a row
 * inserts once per row of `source`, so none when it is empty. A column left undefined takes its default, as in
 * `manager.insert`. Run with queryNamed; the text depends only on the entity and which columns have values, so the
 * statement around it can be prepared.
 */
export function insertFrom<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  row: Entity,
  source: string,
  computed: Readonly<Record<string, string>>,
): { sql: string; parameters: NamedParameters } {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const parameters: Record<string, unknown> = {};
  const names: string[] = [];
  const values: string[] = [];
  for (const column of metadata.columns) {
    const expression = computed[column.databaseName];
    const value: unknown = column.getEntityValue(row);
    if (expression === undefined && value === undefined) continue;
    names.push(driver.escape(column.databaseName));
    if (expression !== undefined) {
      values.push(expression);
      continue;
    }
    const name = `insert_${column.databaseName}`;
    parameters[name] = driver.preparePersistentValue(value, column) as unknown;
    values.push(`:${name}::${sqlType(manager, column)}`);
  }
  const unknownColumns = Object.keys(computed).filter(
    (name) => !metadata.columns.some((column) => column.databaseName === name),
  );
  if (unknownColumns.length > 0)
    throw new Error(`insertFrom: ${metadata.name} has no ${unknownColumns.join(', ')}`);
  return {
    sql: `INSERT INTO ${driver.escape(metadata.tablePath)} (${names.join(', ')}) SELECT ${values.join(', ')} FROM ${source}`,
    parameters,
  };
}
