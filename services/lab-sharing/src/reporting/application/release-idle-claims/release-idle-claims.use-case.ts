import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { Report } from '../../domain/report';
import { ReportRepository } from '../../domain/report.repository';
import { ReportingRules } from '../reporting-rules';

const released = counter(
  'medgrid_lab_sharing_idle_claims_released_total',
  'Claims idle for the idle time, returned to the worklist by the sweep',
  [],
);

/**
 * Returns idle claims to the worklist, a batch per transaction (the draft stays). SKIP LOCKED lets several
 * replicas sweep at once, and leaves alone a report whose claimant is saving right now.
 */
@Injectable()
export class ReleaseIdleClaimsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly rules: ReportingRules,
  ) {}

  async execute(now = new Date(), batch = 100): Promise<number> {
    const count = await this.uow.run(async () => {
      const idle = await this.reports.lockIdleClaims(new Date(now.getTime() - this.rules.claimIdleMs), batch);
      for (const found of idle) {
        const report = Report.restore(found);
        if (report.releaseIfIdle(now, this.rules.claimIdleMs)) {
          await this.reports.update(report.snapshot(), found.version);
        }
      }
      return idle.length;
    });
    released.inc(count);
    return count;
  }
}
