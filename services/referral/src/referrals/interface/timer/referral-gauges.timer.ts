import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { gauge } from '@medgrid/telemetry';
import { type ReferralConfig } from '../../../config/referral.config';
import { CountReferralsUseCase } from '../../application/count-referrals/count-referrals.use-case';

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
export class ReferralGaugesTimer extends PeriodicTask {
  constructor(
    private readonly countReferrals: CountReferralsUseCase,
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
    const { byStatus, overdueByGroup } = await this.countReferrals.execute();
    // Reset first, so a group or status with no referral left leaves the dashboards.
    referrals.reset();
    overdue.reset();
    for (const c of byStatus)
      referrals.set({ group: c.groupId, direction: c.direction, status: c.status }, c.count);
    for (const [group, count] of overdueByGroup) overdue.set({ group }, count);
  }
}
