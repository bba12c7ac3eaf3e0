import { createHash } from 'node:crypto';

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/**
 * Sorted keys, no undefined members, dates as ISO text: equal requests give equal JSON. A date a request left out may
 * arrive as an invalid one (the domain names it, field by field): it reads as "Invalid Date", as NaN reads as "NaN",
 * rather than stopping the request with toISOString's RangeError before its rules are reached.
 */
function canonical(value: unknown): Canonical | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  const object = value as Record<string, unknown>;
  const result: { [key: string]: Canonical } = {};
  for (const key of Object.keys(object).sort()) {
    const member = canonical(object[key]);
    if (member !== undefined) result[key] = member;
  }
  return result;
}

/**
 * A digest of what a request asked for (SHA-256 of its canonical JSON). Two requests with the
 * same digest asked for the same thing; key order and absent members do not matter.
 */
export function fingerprintOf(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request) ?? null))
    .digest('hex');
}
