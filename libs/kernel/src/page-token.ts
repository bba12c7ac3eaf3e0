/**
 * An opaque keyset page token: the sort key of the last row served, as
 * base64url JSON. Lists page through pageRequest and pageOf (paging.ts),
 * which check a decoded key with the list's own rules.
 */
export function encodePageToken(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key of a token this service issued with `arity` values, or null for anything else. */
export function decodePageToken(token: string, arity: number): (string | number)[] | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return value as (string | number)[];
    }
  } catch {
    // not JSON: not a token we issued
  }
  return null;
}
