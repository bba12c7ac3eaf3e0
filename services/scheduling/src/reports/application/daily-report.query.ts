import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { isLocalDate, localDate } from '@medgrid/kernel';
import { HospitalReserveRules } from '../../capacity/application/hospital-reserve-rules';
import { RegistryView } from '@medgrid/registry-view';
import { knownHospital } from '../../shared/managed-hospital';
import { canManage, requireAllowed } from '../../shared/scheduling-access.policy';
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
 * per pool against its target ratios. For the hospital, its group and the city.
 */
@Injectable()
export class DailyReportQuery {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly registry: RegistryView,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async get(identity: Identity, institutionId: string, date: string, now = new Date()): Promise<DailyReport> {
    new FieldChecks()
      .uuid('institutionId', institutionId)
      .check('date', date === '' || isLocalDate(date), 'INVALID_DATE', 'must be a date YYYY-MM-DD')
      .throwIfAny();
    const hospital = await knownHospital(this.registry, institutionId);
    requireAllowed(canManage(identity, hospital), "read this hospital's report");
    return this.compute(hospital.id, hospital.groupId, date || localDate(now));
  }

  /** The report without an access check: for the metrics timer, which reports every hospital. */
  async compute(institutionId: string, groupId: string, date: string): Promise<DailyReport> {
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
