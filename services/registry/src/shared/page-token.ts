import { type FieldChecks } from '@medgrid/errors';
import { isUuid } from '@medgrid/errors';

/** Opaque page token: the (name, id) of the last row served, base64url JSON. */
export function decodeNamePageToken(token: string): { name: string; id: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // not a token we issued: the caller reports it as a bad field
  }
  return undefined;
}

export function encodeNamePageToken(last: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([last.name, last.id]), 'utf8').toString('base64url');
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  pageSize: number;
  after: { name: string; id: string } | undefined;
  /** One more than the page, to learn whether another page follows. */
  limit: number;
}

/** Validates page size and token into `checks` and returns the keyset request. */
export function pageRequest(
  checks: FieldChecks,
  pageSize: number | undefined,
  pageToken: string | undefined,
): PageRequest {
  const size = pageSize || DEFAULT_PAGE_SIZE;
  const after = pageToken ? decodeNamePageToken(pageToken) : undefined;
  checks
    .check('pageSize', size >= 1 && size <= MAX_PAGE_SIZE, 'OUT_OF_RANGE', `must be 1-${MAX_PAGE_SIZE}`)
    .check(
      'pageToken',
      !pageToken || after !== undefined,
      'INVALID_FORMAT',
      'is not a token this service issued',
    );
  return { pageSize: size, after, limit: size + 1 };
}

/** The page served from `limit` rows, and the token of the next page if there is one. */
export function pageOf<T extends { name: string; id: string }>(
  rows: readonly T[],
  request: PageRequest,
): { items: T[]; nextPageToken: string } {
  const items = rows.slice(0, request.pageSize);
  return {
    items,
    nextPageToken: rows.length > request.pageSize ? encodeNamePageToken(items[items.length - 1]!) : '',
  };
}
