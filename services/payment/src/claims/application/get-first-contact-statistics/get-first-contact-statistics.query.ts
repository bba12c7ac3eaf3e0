import { parseFields, requestField } from '@medgrid/errors';
import { addDays, isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';
import { ClaimError, ClaimErrorCode } from '../../domain/claim-error';

/** A year and a day: a leap year's whole, the longest range a report is asked for. */
const LONGEST_RANGE_DAYS = 366;

const serviceDate = () =>
  requestField.matching(isLocalDate, {
    reason: 'INVALID_FORMAT',
    description: 'a service date written YYYY-MM-DD',
  });

const FIELDS = z.object({
  from: serviceDate(),
  until: serviceDate(),
  groupId: requestField.optionalUuid(),
});

export type GetFirstContactStatisticsInput = z.input<typeof FIELDS>;

/** GetFirstContactStatistics: service dates from `from` through `until`, of one group or all the caller sees. */
export class GetFirstContactStatisticsQuery {
  private constructor(
    readonly from: string,
    readonly until: string,
    readonly groupId: string | null,
  ) {}

  static create(input: GetFirstContactStatisticsInput): GetFirstContactStatisticsQuery {
    const f = parseFields(FIELDS, input);
    if (f.until < f.from) {
      throw new ClaimError(
        ClaimErrorCode.InvalidPeriod,
        `the range ends (${f.until}) before it starts (${f.from})`,
        'until',
      );
    }
    if (addDays(f.from, LONGEST_RANGE_DAYS) <= f.until) {
      throw new ClaimError(
        ClaimErrorCode.InvalidPeriod,
        `a range is at most ${LONGEST_RANGE_DAYS} days; ${f.from} to ${f.until} is longer`,
        'until',
      );
    }
    return new GetFirstContactStatisticsQuery(f.from, f.until, f.groupId ?? null);
  }

  /** The first service date counted and the first after the range. */
  get dates(): { from: string; until: string } {
    return { from: this.from, until: addDays(this.until, 1) };
  }
}
