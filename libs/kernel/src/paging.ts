import { decodePageToken, encodePageToken } from './page-token';

/** A row's sort key as a list pages by it (the values a page token carries). */
export type PageKey = readonly (string | number)[];

/** How one list pages: its sizes, its sort key and how it refuses a token it did not issue. */
export interface PageRules<Cursor> {
  /** The largest page a caller may ask for. */
  readonly max: number;
  /** The page of a request that names no size (0). */
  readonly default: number;
  /** How many values the list's sort key, and so its tokens, hold. */
  readonly keyLength: number;
  /** The cursor a token's key stands for; null for a key this list would not have issued. */
  readonly cursor: (key: (string | number)[]) => Cursor | null;
  /** The reason a token from elsewhere is refused with; INVALID_FORMAT unless said. */
  readonly tokenReason?: string;
}

/** A bad page field, shaped as a field violation. */
export interface PageProblem {
  readonly field: 'pageSize' | 'pageToken';
  readonly reason: string;
  readonly description: string;
}

/** A list request's page, read and checked. */
export interface PageRequest<Cursor> {
  /** Rows to serve. */
  readonly size: number;
  /** Rows to read: one more than the page, so the extra row tells that another page follows. */
  readonly limit: number;
  /** Where the page starts: after the row of this cursor, or at the beginning when null. */
  readonly after: Cursor | null;
  /** What is wrong with the page fields; the caller reports them with its other field checks. */
  readonly problems: readonly PageProblem[];
}

/**
 * The page a list request asks for. A size of 0 (or none) is the list's default; a size below 0
 * or above the list's maximum is OUT_OF_RANGE; a token that does not hold a key of this list is
 * refused with the list's token reason.
 */
export function pageRequest<Cursor>(
  request: { readonly pageSize?: number; readonly pageToken?: string },
  rules: PageRules<Cursor>,
): PageRequest<Cursor> {
  const problems: PageProblem[] = [];
  const asked = request.pageSize ?? 0;
  if (!Number.isInteger(asked) || asked < 0 || asked > rules.max) {
    problems.push({
      field: 'pageSize',
      reason: 'OUT_OF_RANGE',
      description: `must be 1 to ${rules.max} (0 for ${rules.default})`,
    });
  }
  const token = request.pageToken ?? '';
  const key = token === '' ? null : decodePageToken(token, rules.keyLength);
  const after = key === null ? null : rules.cursor(key);
  if (token !== '' && after === null) {
    problems.push({
      field: 'pageToken',
      reason: rules.tokenReason ?? 'INVALID_FORMAT',
      description: 'is not a token of this list',
    });
  }
  const size = asked || rules.default;
  return { size, limit: size + 1, after, problems };
}

/** The page served from rows read with `limit`, and the token of the next page ('' on the last). */
export function pageOf<Row>(
  rows: readonly Row[],
  page: { readonly size: number },
  keyOf: (row: Row) => PageKey,
): { items: Row[]; nextPageToken: string } {
  const items = rows.slice(0, page.size);
  const last = items[items.length - 1];
  return {
    items,
    nextPageToken: rows.length > page.size && last !== undefined ? encodePageToken(keyOf(last)) : '',
  };
}
