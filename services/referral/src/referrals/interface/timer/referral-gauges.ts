import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { gauge } from '@medgrid/telemetry';
import { type ReferralConfig } from '../../../config/referral.config';
import { ReferralRepository } from '../../domain/referral.repository';

const referrals = gauge('medgrid_referral_referrals', 'Referrals by group, direction and current status', [
  'group',
  'direction',
  'status',
]);
const overdue = gauge(
  'medgrid_referral_overdue',
  'Upward referrals past their 48-hour deadline and not completed, by group',
  ['group'],
);

/** Timer adapter: the referral counts by status for the dashboards (a snapshot, not a rate). */
@Injectable()
export class ReferralGauges extends PeriodicTask {
  constructor(
    private readonly repository: ReferralRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'referral gauges refresh failed');
  }

  protected intervalMs(): number {
    return this.config.REPORT_REFRESH_MS;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected async tick(): Promise<void> {
    const counts = await this.repository.statusCounts();
    const late = await this.repository.overdueCounts(new Date());
    referrals.reset();
    overdue.reset();
    for (const c of counts)
      referrals.set({ group: c.groupId, direction: c.direction, status: c.status }, c.count);
    for (const [group, count] of late) overdue.set({ group }, count);
  }
}
