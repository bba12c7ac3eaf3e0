import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReportSnapshot } from '../../domain/report';
import { ReportStep } from '../report-step';
import { type ReleaseReportCommand } from './release-report.command';

/** ReleaseReport: the claimant gives the report back to the worklist, its draft kept for the next reporter. */
@Injectable()
export class ReleaseReportUseCase {
  constructor(private readonly step: ReportStep) {}

  async execute(
    identity: Identity,
    command: ReleaseReportCommand,
    now = new Date(),
  ): Promise<ReportSnapshot> {
    const done = await this.step.run(
      identity,
      'release-report',
      command,
      "release this centre's reports",
      (report, reporter) => report.release(reporter),
      now,
    );
    return done.report;
  }
}
