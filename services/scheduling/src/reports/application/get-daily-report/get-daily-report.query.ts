import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';

const fields = z.object({
  institutionId: requestField.uuid(),
  date: schedulingField.localDateOrEmpty('INVALID_DATE'),
});

/** GetDailyReport: one hospital's figures on a day. */
export class GetDailyReportQuery {
  private constructor(
    /** Lower case. */
    readonly institutionId: string,
    /** YYYY-MM-DD; empty for today. */
    readonly date: string,
  ) {}

  static create(input: z.input<typeof fields>): GetDailyReportQuery {
    const { institutionId, date } = parseFields(fields, input);
    return new GetDailyReportQuery(institutionId, date);
  }
}
