import { type EntityManager } from 'typeorm';
import { type ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * The column's SQL type, for the cast a VALUES list needs to carry it (its parameters are untyped). Without its
 * length: a fixed-length character column's bare type is char(1), which would cut every value to its first
 * character, so it is cast as bpchar (blank-padded, any length) and the column's own length holds.
 */
export function sqlType(manager: EntityManager, column: ColumnMetadata): string {
  const normalized = manager.connection.driver.normalizeType(column);
  const type = normalized === 'character' || normalized === 'char' ? 'bpchar' : normalized;
  return column.isArray ? `${type}[]` : type;
}
