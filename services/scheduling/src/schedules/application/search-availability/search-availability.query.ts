import { FieldChecks } from '@medgrid/errors';
import {
  addDays,
  isLocalDate,
  localDate,
  type PageKey,
  type PageRequest,
  pageRequest,
  type PageRules,
} from '@medgrid/kernel';
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

/** Where a page of a search starts: after this session. */
type SessionCursor = { startsAt: Date; id: string };

/** A search pages by session start, then id: 50 sessions unless asked, at most 200. */
const SESSION_PAGES: PageRules<SessionCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([at, id]) => {
    const startsAt = new Date(String(at));
    return Number.isNaN(startsAt.getTime()) || typeof id !== 'string' ? null : { startsAt, id };
  },
};

/** The sort key of a session in a search, as its page token carries it. */
export const sessionKey = (s: SessionView): PageKey => [s.startsAt.toISOString(), s.id];

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
    readonly page: PageRequest<SessionCursor>,
  ) {}

  /** Reports every bad field at once; empty dates default from `now` (today, then two weeks on). */
  static create(input: SearchAvailabilityInput, now = new Date()): SearchAvailabilityQuery {
    const fromDate = input.fromDate || localDate(now);
    const toDate = input.toDate || addDays(fromDate, 14);
    const page = pageRequest(input, SESSION_PAGES);
    const checks = new FieldChecks()
      .uuid('institutionId', input.institutionId)
      .check('fromDate', isLocalDate(fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('pool', input.pool !== null, 'INVALID_VALUE', 'is not a pool')
      .addAll(page.problems);
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
      page,
    );
  }
}
