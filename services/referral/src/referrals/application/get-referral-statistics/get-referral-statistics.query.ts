import { parseFields, requestField } from '@medgrid/errors';
import { addDays, isLocalDate, startOfLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { optionalIdField } from '../referral-fields';

/** A year and a day: a leap year's whole, the longest trend a dashboard asks for. */
const LONGEST_RANGE_DAYS = 366;

const localDay = () =>
  requestField.matching(isLocalDate, {
    reason: 'INVALID_FORMAT',
    description: 'a date written YYYY-MM-DD (a local day in Asia/Shanghai)',
  });

const FIELDS = z
  .object({
    from: localDay(),
    until: localDay(),
    groupId: requestField.optionalUuid(),
    institutionId: optionalIdField(),
  })
  .superRefine((f, context) => {
    // Zod runs this even when a day above failed its own check: the range is judged only between two real days.
    if (!isLocalDate(f.from) || !isLocalDate(f.until)) return;
    if (f.until < f.from) {
      context.addIssue({
        code: 'custom',
        path: ['until'],
        params: { reason: 'OUT_OF_RANGE' },
        message: `the range ends (${f.until}) before it starts (${f.from})`,
      });
    } else if (addDays(f.from, LONGEST_RANGE_DAYS) <= f.until) {
      context.addIssue({
        code: 'custom',
        path: ['until'],
        params: { reason: 'OUT_OF_RANGE' },
        message: `a range is at most ${LONGEST_RANGE_DAYS} days; ${f.from} to ${f.until} is longer`,
      });
    }
  });

export type GetReferralStatisticsInput = z.input<typeof FIELDS>;

/** GetReferralStatistics: referrals created on the local days from `from` through `until`, narrowed as asked. */
export class GetReferralStatisticsQuery {
  private constructor(
    readonly from: string,
    readonly until: string,
    readonly groupId: string | null,
    /** Lower case; null for any. */
    readonly institutionId: string | null,
  ) {}

  static create(input: GetReferralStatisticsInput): GetReferralStatisticsQuery {
    const f = parseFields(FIELDS, input);
    return new GetReferralStatisticsQuery(f.from, f.until, f.groupId ?? null, f.institutionId || null);
  }

  /** The first instant counted, and the first after the range (the start of the day after `until`). */
  get period(): { from: Date; until: Date } {
    return { from: startOfLocalDay(this.from), until: startOfLocalDay(addDays(this.until, 1)) };
  }
}
