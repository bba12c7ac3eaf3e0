import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { REASON_MAX, type ReportContent } from '../../domain/report';
import { reportField } from '../report-fields';

const fields = z.object({
  ...reportField.step(),
  content: reportField.content(),
  reason: requestField.text(REASON_MAX),
});

export type AmendReportInput = z.input<typeof fields>;

/** AmendReport: a new signed version with its reason; the earlier versions are kept. */
export class AmendReportCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly reportId: string,
    readonly content: ReportContent,
    readonly reason: string,
  ) {}

  static create(input: AmendReportInput): AmendReportCommand {
    const f = parseFields(fields, input);
    return new AmendReportCommand(f.clientRequestId, f.reportId, f.content, f.reason);
  }
}
