import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { reportField } from '../report-fields';

const fields = z.object(reportField.step());

export type ClaimReportInput = z.input<typeof fields>;

/** ClaimReport: the calling reporter takes a report of the worklist. */
export class ClaimReportCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly reportId: string,
  ) {}

  static create(input: ClaimReportInput): ClaimReportCommand {
    const f = parseFields(fields, input);
    return new ClaimReportCommand(f.clientRequestId, f.reportId);
  }
}
