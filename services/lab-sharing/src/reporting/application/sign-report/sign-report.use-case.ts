import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ReportStep, type ReportStepDone } from '../report-step';
import { type SignReportCommand } from './sign-report.command';

/**
 * SignReport: the claimant signs their draft, a reporter of the centre with the item's specialty. The version
 * goes to the result registry and the ordering site (ReportSigned); a critical value raises an alert.
 */
@Injectable()
export class SignReportUseCase {
  constructor(private readonly step: ReportStep) {}

  execute(identity: Identity, command: SignReportCommand, now = new Date()): Promise<ReportStepDone> {
    return this.step.run(
      identity,
      'sign-report',
      command,
      "sign this centre's reports",
      (report, reporter) => report.sign(reporter, now),
      now,
    );
  }
}
