import { pageFields, parseFields } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';

/** A city's accounts page by username: 50 unless asked, at most 200. */
export const ACCOUNT_PAGES: PageRules<string> = {
  max: 200,
  default: 50,
  keyLength: 1,
  cursor: ([username]) => (typeof username === 'string' && username !== '' ? username : null),
};

const fields = z.object({ ...pageFields(ACCOUNT_PAGES) });

/** GET /api/accounts?pageSize=&pageToken=: a page of the operator's city's accounts. */
export class ListAccountsQuery {
  private constructor(readonly page: PageRequest<string>) {}

  /** pageSize as the query string carries it: digits, or absent for the default. */
  static from(query: { pageSize?: unknown; pageToken?: unknown }): ListAccountsQuery {
    const size = query.pageSize;
    const input = {
      pageSize: size === undefined || size === '' ? 0 : typeof size === 'string' ? Number(size) : Number.NaN,
      pageToken: typeof query.pageToken === 'string' ? query.pageToken : '',
    };
    const q = parseFields(fields, input);
    return new ListAccountsQuery(pageRequest(q, ACCOUNT_PAGES));
  }
}
