import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { gauge } from '@medgrid/telemetry';
import { type SchedulingConfig } from '../../../config/scheduling.config';
import { type DailyReport } from '../../application/daily-report-figures';
import { ReportEveryHospitalUseCase } from '../../application/report-every-hospital/report-every-hospital.use-case';

const LABELS = ['institution', 'group'] as const;
const slots = gauge(
  'medgrid_scheduling_report_slots',
  "Today's slots per hospital: offered per pool; reserved ones used, released or left empty",
  [...LABELS, 'kind'],
);
const beds = gauge('medgrid_scheduling_report_beds', 'Beds per hospital per pool, occupied or free', [
  ...LABELS,
  'pool',
  'state',
]);
const ratio = gauge(
  'medgrid_scheduling_report_reserved_ratio_bp',
  'Share of slots or beds reserved for primary care, in basis points, against the target',
  [...LABELS, 'resource', 'measure'],
);

/**
 * Timer adapter: today's daily report of every hospital with sessions or wards,
 * as gauges for the SRE dashboards and the reserve-ratio alert.
 */
@Injectable()
export class ReportGaugesTimer extends PeriodicTask {
  constructor(
    private readonly reportEveryHospital: ReportEveryHospitalUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'daily report gauges not refreshed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.REPORT_REFRESH_MS;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected tick(): Promise<void> {
    return this.refresh();
  }

  async refresh(now = new Date()): Promise<void> {
    const reports = await this.reportEveryHospital.execute(now);
    // Reset first, so a hospital with nothing today leaves the dashboards.
    for (const g of [slots, beds, ratio]) g.reset();
    for (const report of reports) this.show(report);
  }

  private show({ institutionId: institution, groupId: group, slots: s, beds: b }: DailyReport): void {
    const at = (extra: Record<string, string>) => ({ institution, group, ...extra });
    slots.set(at({ kind: 'offered_reserved' }), s.reservedOffered);
    slots.set(at({ kind: 'offered_public' }), s.offered - s.reservedOffered);
    slots.set(at({ kind: 'reserved_used' }), s.reservedUsed);
    slots.set(at({ kind: 'reserved_released' }), s.reservedReleased);
    slots.set(at({ kind: 'reserved_empty' }), s.reservedEmpty);
    slots.set(at({ kind: 'public_used' }), s.publicUsed);
    beds.set(at({ pool: 'reserved', state: 'occupied' }), b.reservedOccupied);
    beds.set(at({ pool: 'reserved', state: 'free' }), b.reservedBeds - b.reservedOccupied);
    beds.set(at({ pool: 'public', state: 'occupied' }), b.publicOccupied);
    beds.set(at({ pool: 'public', state: 'free' }), b.beds - b.reservedBeds - b.publicOccupied);
    ratio.set(at({ resource: 'slots', measure: 'actual' }), s.ratioBp);
    ratio.set(at({ resource: 'slots', measure: 'target' }), s.targetBp);
    ratio.set(at({ resource: 'beds', measure: 'actual' }), b.ratioBp);
    ratio.set(at({ resource: 'beds', measure: 'target' }), b.targetBp);
  }
}
