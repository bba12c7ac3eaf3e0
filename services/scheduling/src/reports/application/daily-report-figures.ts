import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { HospitalReserveRules } from '../../capacity/application/hospital-reserve-rules';
import {
  againstTarget,
  type BedFigures,
  type RatioAgainstTarget,
  type SlotFigures,
} from '../domain/daily-report';
import { ReportRepository } from '../domain/report.repository';

export interface DailyReport {
  readonly institutionId: string;
  readonly groupId: string;
  readonly date: string;
  readonly slots: SlotFigures & RatioAgainstTarget;
  readonly beds: BedFigures & RatioAgainstTarget;
}

/**
 * What a hospital really sent down to primary care on a day: slots and beds
 * per pool against its target ratios. No access check: the reads that use it
 * decide who may see it.
 */
@Injectable()
export class DailyReportFigures {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly reserves: HospitalReserveRules,
  ) {}

  of(institutionId: string, groupId: string, date: string): Promise<DailyReport> {
    // One snapshot for all figures, so used + empty + released add up.
    return this.uow.run(async () => {
      // The targets of the day: the hospital's ratios, or its city's floors in force that day if higher.
      const target = (await this.reserves.of({ id: institutionId, groupId })).shareOn(date);
      const slots = await this.reports.slotFigures(institutionId, date);
      const beds = await this.reports.bedFigures(institutionId, date);
      return {
        institutionId,
        groupId,
        date,
        // Released slots were offered to primary care first, so they count as reserved offered.
        slots: { ...slots, ...againstTarget(slots.reservedOffered, slots.offered, target.slotRatio) },
        beds: { ...beds, ...againstTarget(beds.reservedBeds, beds.beds, target.bedRatio) },
      };
    }, 'REPEATABLE READ');
  }
}
