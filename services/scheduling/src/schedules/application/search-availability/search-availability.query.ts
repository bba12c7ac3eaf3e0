import { pageFields, parseFields, refusal, requestField } from '@medgrid/errors';
import {
  addDays,
  isLocalDate,
  localDate,
  type PageKey,
  type PageRequest,
  pageRequest,
  type PageRules,
} from '@medgrid/kernel';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { type AvailabilityQuery } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';

type Pool = NonNullable<AvailabilityQuery['pool']>;

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

/** The dates a search covers: an empty start is today, an empty end two weeks after a start that is a date. */
function datesOf(input: { fromDate: string; toDate: string }, now: Date) {
  const fromDate = input.fromDate || localDate(now);
  const toDate = input.toDate || (isLocalDate(fromDate) ? addDays(fromDate, 14) : '');
  return { fromDate, toDate };
}

/** The fields of a search over `dates`: the end is judged against the start when both are dates. */
function fieldsOf(dates: { fromDate: string; toDate: string }) {
  const from = isLocalDate(dates.fromDate) && isLocalDate(dates.toDate) ? dates.fromDate : null;
  return z.object({
    institutionId: requestField.uuid(),
    /** Empty for any. */
    departmentId: schedulingField.uuidOrEmpty(),
    practitionerId: schedulingField.uuidOrEmpty(),
    fromDate: schedulingField.localDate(),
    /** Empty when the start is not a date (the start is refused, not an end made up from it). */
    toDate: schedulingField
      .localDateOrEmpty()
      .refine(
        (to) => from === null || to >= from,
        refusal('BEFORE_START', `must not be before fromDate (${dates.fromDate})`),
      ),
    /** undefined for either pool. */
    pool: schedulingField.knownOrAny<Pool>('is not a pool'),
    specialtyCode: z.string().transform((code) => code.trim()),
    ...pageFields(SESSION_PAGES),
  });
}

export type SearchAvailabilityInput = z.input<ReturnType<typeof fieldsOf>>;

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
    const dates = datesOf(input, now);
    const q = parseFields(fieldsOf(dates), { ...input, ...dates });
    return new SearchAvailabilityQuery(
      q.institutionId,
      q.departmentId,
      q.practitionerId,
      q.specialtyCode,
      q.fromDate,
      q.toDate,
      q.pool ?? null,
      pageRequest(q, SESSION_PAGES),
    );
  }
}
