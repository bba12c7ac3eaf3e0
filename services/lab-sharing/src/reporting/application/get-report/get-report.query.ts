import { exactlyOneOf, parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z
  .object({
    reportId: requestField.optionalUuid(),
    orderId: requestField.optionalUuid(),
    'x-purpose': requestField.purpose('report'),
  })
  .superRefine(exactlyOneOf('reportId', 'orderId'));

export type GetReportInput = z.input<typeof fields>;

/** GetReport: a report by its id or its order's, an audited read of patient data. */
export class GetReportQuery {
  private constructor(
    readonly by: { readonly reportId: string } | { readonly orderId: string },
    readonly purpose: string,
  ) {}

  static create(input: GetReportInput): GetReportQuery {
    const q = parseFields(fields, input);
    return new GetReportQuery(
      q.reportId ? { reportId: q.reportId } : { orderId: q.orderId! },
      q['x-purpose'],
    );
  }
}
