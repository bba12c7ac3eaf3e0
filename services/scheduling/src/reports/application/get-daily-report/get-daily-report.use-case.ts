import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { knownHospital } from '../../../common/managed-hospital';
import { canManage, requireAllowed } from '../../../common/scheduling-access.policy';
import { type DailyReport, DailyReportFigures } from '../daily-report-figures';
import { type GetDailyReportQuery } from './get-daily-report.query';

/** GetDailyReport: a hospital's daily report, for the hospital, its group and the city. */
@Injectable()
export class GetDailyReportUseCase {
  constructor(
    private readonly registry: RegistryView,
    private readonly figures: DailyReportFigures,
  ) {}

  async execute(identity: Identity, query: GetDailyReportQuery, now = new Date()): Promise<DailyReport> {
    const hospital = await knownHospital(this.registry, query.institutionId);
    requireAllowed(canManage(identity, hospital), "read this hospital's report");
    return this.figures.of(hospital.id, hospital.groupId, query.date || localDate(now));
  }
}
