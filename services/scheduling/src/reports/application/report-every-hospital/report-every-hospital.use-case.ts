import { Injectable } from '@nestjs/common';
import { localDate } from '@medgrid/kernel';
import { ReportRepository } from '../../domain/report.repository';
import { type DailyReport, DailyReportFigures } from '../daily-report-figures';

/** Today's daily report of every hospital with sessions or wards, for the metrics; run by a timer. */
@Injectable()
export class ReportEveryHospitalUseCase {
  constructor(
    private readonly hospitals: ReportRepository,
    private readonly figures: DailyReportFigures,
  ) {}

  async execute(now = new Date()): Promise<DailyReport[]> {
    const date = localDate(now);
    const reports: DailyReport[] = [];
    for (const h of await this.hospitals.hospitalsOn(date)) {
      reports.push(await this.figures.of(h.institutionId, h.groupId, date));
    }
    return reports;
  }
}
