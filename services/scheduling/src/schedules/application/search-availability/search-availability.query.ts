import { FieldChecks } from '@medgrid/errors';
import { addDays, decodePageToken, encodePageToken, isLocalDate, localDate } from '@medgrid/kernel';
import { type AvailabilityQuery } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';

type Pool = NonNullable<AvailabilityQuery['pool']>;

export interface SearchAvailabilityInput {
  readonly institutionId: string;
  readonly departmentId: string;
  readonly practitionerId: string;
  readonly specialtyCode: string;
  /** Empty for today. */
  readonly fromDate: string;
  /** Empty for two weeks after fromDate. */
  readonly toDate: string;
  /** undefined for either pool; null for a value the contract does not know. */
  readonly pool: Pool | undefined | null;
  readonly pageSize: number;
  readonly pageToken: string;
}

/** The page token of a search: the last session's start and id. */
export const pageTokenAfter = (s: SessionView): string => encodePageToken([s.startsAt.toISOString(), s.id]);

function decodeToken(token: string): { startsAt: Date; id: string } | null {
  const key = decodePageToken(token, 2);
  if (!key) return null;
  const [at, id] = key;
  const startsAt = new Date(String(at));
  return Number.isNaN(startsAt.getTime()) || typeof id !== 'string' ? null : { startsAt, id };
}

/** SearchAvailability: a hospital's open sessions on a date range, a page at a time. */
export class SearchAvailabilityQuery {
  private constructor(
    /** Lower case, like the other ids. */
    readonly institutionId: string,
    readonly departmentId: string,
    readonly practitionerId: string,
    /** Trimmed. */
    readonly specialtyCode: string,
    readonly fromDate: string,
    readonly toDate: string,
    readonly pool: Pool | null,
    /** Where the page starts: after this session; null for the first page. */
    readonly after: { startsAt: Date; id: string } | null,
    readonly limit: number,
  ) {}

  /** Reports every bad field at once; empty dates default from `now` (today, then two weeks on). */
  static create(input: SearchAvailabilityInput, now = new Date()): SearchAvailabilityQuery {
    const fromDate = input.fromDate || localDate(now);
    const toDate = input.toDate || addDays(fromDate, 14);
    const after = input.pageToken ? decodeToken(input.pageToken) : null;
    const checks = new FieldChecks()
      .uuid('institutionId', input.institutionId)
      .check('fromDate', isLocalDate(fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('pool', input.pool !== null, 'INVALID_VALUE', 'is not a pool')
      .check('pageSize', input.pageSize >= 0 && input.pageSize <= 200, 'OUT_OF_RANGE', 'must be 0 to 200')
      .check(
        'pageToken',
        !input.pageToken || after !== null,
        'INVALID_FORMAT',
        'is not a token from this search',
      );
    if (isLocalDate(fromDate) && isLocalDate(toDate)) {
      checks.check('toDate', toDate >= fromDate, 'BEFORE_START', `must not be before fromDate (${fromDate})`);
    }
    if (input.departmentId) checks.uuid('departmentId', input.departmentId);
    if (input.practitionerId) checks.uuid('practitionerId', input.practitionerId);
    checks.throwIfAny();
    return new SearchAvailabilityQuery(
      input.institutionId.toLowerCase(),
      input.departmentId.toLowerCase(),
      input.practitionerId.toLowerCase(),
      input.specialtyCode.trim(),
      fromDate,
      toDate,
      input.pool ?? null,
      after,
      input.pageSize || 50,
    );
  }
}
