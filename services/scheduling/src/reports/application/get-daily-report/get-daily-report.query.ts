import { FieldChecks } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';

/** GetDailyReport: one hospital's figures on a day. */
export class GetDailyReportQuery {
  private constructor(
    readonly institutionId: string,
    /** YYYY-MM-DD; empty for today. */
    readonly date: string,
  ) {}

  static create(input: { institutionId: string; date: string }): GetDailyReportQuery {
    new FieldChecks()
      .uuid('institutionId', input.institutionId)
      .check(
        'date',
        input.date === '' || isLocalDate(input.date),
        'INVALID_DATE',
        'must be a date YYYY-MM-DD',
      )
      .throwIfAny();
    return new GetDailyReportQuery(input.institutionId, input.date);
  }
}
