import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { gauge } from '@medgrid/telemetry';
import { type LabSharingConfig } from '../../../config/lab-sharing.config';
import { CountOpenWorkUseCase } from '../../application/count-open-work/count-open-work.use-case';

const overdue = gauge(
  'medgrid_lab_sharing_worklist_overdue',
  'Reports still to sign past their turnaround target, per centre',
  ['centre', 'group'],
);
const unacknowledged = gauge(
  'medgrid_lab_sharing_critical_values_unacknowledged',
  'Critical values not acknowledged yet by the ordering site, raised or escalated',
  ['ordering_institution', 'centre', 'status'],
);

/** Timer adapter: the overdue worklist and unacknowledged critical values as gauges, for the dashboards and alerts. */
@Injectable()
export class ReportingGaugesTimer extends PeriodicTask {
  constructor(
    private readonly countOpenWork: CountOpenWorkUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: LabSharingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'reporting gauges not refreshed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.GAUGE_REFRESH_MS;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected tick(): Promise<void> {
    return this.refresh();
  }

  async refresh(now = new Date()): Promise<void> {
    const work = await this.countOpenWork.execute(now);
    // Reset first, so a centre with nothing overdue leaves the dashboards.
    overdue.reset();
    unacknowledged.reset();
    for (const o of work.overdue) overdue.set({ centre: o.centreId, group: o.groupId }, o.overdue);
    for (const u of work.unacknowledged) {
      unacknowledged.set(
        { ordering_institution: u.orderingInstitutionId, centre: u.centreId, status: u.status },
        u.count,
      );
    }
  }
}
