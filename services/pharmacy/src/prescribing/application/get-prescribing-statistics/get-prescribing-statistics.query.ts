import { parseFields, requestField } from '@medgrid/errors';
import { addDays, isLocalDate, startOfLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { PrescribingError, PrescribingErrorCode } from '../../domain/prescribing-error';

const localDay = () =>
  requestField.matching(isLocalDate, {
    reason: 'INVALID_FORMAT',
    description: 'a date written YYYY-MM-DD (a local day in Asia/Shanghai)',
  });

const FIELDS = z.object({
  from: localDay(),
  until: localDay(),
  institutionId: requestField.optionalUuid(),
  groupId: requestField.optionalUuid(),
});

export type GetPrescribingStatisticsInput = z.input<typeof FIELDS>;

/** GetPrescribingStatistics: the local days from `from` through `until`, of one institution or group or all seen. */
export class GetPrescribingStatisticsQuery {
  private constructor(
    readonly from: string,
    readonly until: string,
    readonly institutionId: string | null,
    readonly groupId: string | null,
  ) {}

  static create(input: GetPrescribingStatisticsInput): GetPrescribingStatisticsQuery {
    const f = parseFields(FIELDS, input);
    if (f.until < f.from) {
      throw new PrescribingError(
        PrescribingErrorCode.InvalidPeriod,
        `the period ends (${f.until}) before it starts (${f.from})`,
        'until',
      );
    }
    return new GetPrescribingStatisticsQuery(f.from, f.until, f.institutionId ?? null, f.groupId ?? null);
  }

  /** The first instant counted, and the first after the period (the start of the day after `until`). */
  get period(): { from: Date; until: Date } {
    return { from: startOfLocalDay(this.from), until: startOfLocalDay(addDays(this.until, 1)) };
  }
}
