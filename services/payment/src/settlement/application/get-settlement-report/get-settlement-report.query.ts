import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  groupId: requestField.uuid(),
  month: requestField.matching((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
    reason: 'INVALID_PERIOD',
    description: 'must be a calendar month, YYYY-MM',
  }),
});

export type GetSettlementReportInput = z.input<typeof fields>;

/** GetSettlementReport: a group's month as settled. */
export class GetSettlementReportQuery {
  private constructor(
    readonly groupId: string,
    readonly month: string,
  ) {}

  static create(input: GetSettlementReportInput): GetSettlementReportQuery {
    const f = parseFields(fields, input);
    return new GetSettlementReportQuery(f.groupId, f.month);
  }
}
