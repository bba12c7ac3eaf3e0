import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReportSnapshot } from '../../domain/report';
import { ReportStep } from '../report-step';
import { ReportingRules } from '../reporting-rules';
import { type ClaimReportCommand } from './claim-report.command';

/** ClaimReport: one reporter at a time; another's claim is taken over only once idle. */
@Injectable()
export class ClaimReportUseCase {
  constructor(
    private readonly step: ReportStep,
    private readonly rules: ReportingRules,
  ) {}

  async execute(identity: Identity, command: ClaimReportCommand, now = new Date()): Promise<ReportSnapshot> {
    const done = await this.step.run(
      identity,
      'claim-report',
      command,
      "claim this centre's reports",
      (report, reporter) => report.claim(reporter, now, this.rules.claimIdleMs),
      now,
    );
    return done.report;
  }
}
