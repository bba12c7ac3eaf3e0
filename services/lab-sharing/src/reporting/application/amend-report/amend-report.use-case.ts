import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ReportStep, type ReportStepDone } from '../report-step';
import { type AmendReportCommand } from './amend-report.command';

/**
 * AmendReport: a reporter of the centre signs a new version with its reason; the result registry follows it
 * (ReportAmended) and a critical value in it raises a new alert.
 */
@Injectable()
export class AmendReportUseCase {
  constructor(private readonly step: ReportStep) {}

  execute(identity: Identity, command: AmendReportCommand, now = new Date()): Promise<ReportStepDone> {
    return this.step.run(
      identity,
      'amend-report',
      command,
      "amend this centre's reports",
      (report, reporter) => report.amend(reporter, command.content, command.reason, now),
      now,
    );
  }
}
