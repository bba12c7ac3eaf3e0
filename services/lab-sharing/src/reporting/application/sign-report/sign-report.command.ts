import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { reportField } from '../report-fields';

const fields = z.object(reportField.step());

export type SignReportInput = z.input<typeof fields>;

/** SignReport: the claimant signs their draft: the first version. */
export class SignReportCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly reportId: string,
  ) {}

  static create(input: SignReportInput): SignReportCommand {
    const f = parseFields(fields, input);
    return new SignReportCommand(f.clientRequestId, f.reportId);
  }
}
