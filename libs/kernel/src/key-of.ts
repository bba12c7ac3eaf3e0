/**
 * Reads a table of one value per key backwards: the key a value stands for, or undefined for a value the table
 * does not hold. A proto mapper keeps one table of its domain's values to the contract's enum numbers and reads a
 * request's number with it (undefined for UNSPECIFIED or a number the contract added since).
 */
export function keyOf<K extends string, V>(table: Readonly<Record<K, V>>): (value: V) => K | undefined {
  const keys = new Map<V, K>((Object.entries(table) as [K, V][]).map(([key, value]) => [value, key]));
  return (value) => keys.get(value);
}
