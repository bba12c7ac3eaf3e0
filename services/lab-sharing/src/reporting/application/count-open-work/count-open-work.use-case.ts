import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type UnacknowledgedCount } from '../../domain/critical-value-alert.repository';
import { CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { type OverdueCount, ReportRepository } from '../../domain/report.repository';

export interface OpenWork {
  readonly overdue: OverdueCount[];
  readonly unacknowledged: UnacknowledgedCount[];
}

/** What the gauges show: overdue worklist items per centre, unacknowledged critical values per site. */
@Injectable()
export class CountOpenWorkUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly alerts: CriticalValueAlertRepository,
  ) {}

  execute(now = new Date()): Promise<OpenWork> {
    return this.uow.run(async () => ({
      overdue: await this.reports.overdueByCentre(now),
      unacknowledged: await this.alerts.unacknowledged(),
    }));
  }
}
