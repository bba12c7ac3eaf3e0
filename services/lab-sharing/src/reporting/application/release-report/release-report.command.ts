import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { reportField } from '../report-fields';

const fields = z.object(reportField.step());

export type ReleaseReportInput = z.input<typeof fields>;

/** ReleaseReport: the claimant gives the report back to the worklist; the draft stays. */
export class ReleaseReportCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly reportId: string,
  ) {}

  static create(input: ReleaseReportInput): ReleaseReportCommand {
    const f = parseFields(fields, input);
    return new ReleaseReportCommand(f.clientRequestId, f.reportId);
  }
}
