import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { SchedulingCommonModule } from '../common/scheduling-common.module';
import { DailyReportFigures } from './application/daily-report-figures';
import { GetDailyReportUseCase } from './application/get-daily-report/get-daily-report.use-case';
import { ReportEveryHospitalUseCase } from './application/report-every-hospital/report-every-hospital.use-case';
import { ReportRepository } from './domain/report.repository';
import { ReportTypeormRepository } from './infrastructure/persistence/report.typeorm-repository';
import { ReportGaugesTimer } from './interface/timer/report-gauges.timer';

const USE_CASES = [GetDailyReportUseCase, ReportEveryHospitalUseCase];

/** The reports context: a hospital's daily figures against its reserve share, and their gauges. */
@Module({
  imports: [SchedulingCommonModule, CapacityModule],
  providers: [
    ...USE_CASES,
    DailyReportFigures,
    ReportGaugesTimer,
    { provide: ReportRepository, useClass: ReportTypeormRepository },
  ],
  exports: USE_CASES,
})
export class ReportsModule {}
