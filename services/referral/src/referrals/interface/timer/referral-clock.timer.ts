import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type ReferralConfig } from '../../../config/referral.config';
import { BreachDeadlinesUseCase } from '../../application/breach-deadlines/breach-deadlines.use-case';
import { ExpireReferralsUseCase } from '../../application/expire-referrals/expire-referrals.use-case';

/** Timer adapter: records 48-hour breaches and expires referrals whose patient never came. */
@Injectable()
export class ReferralClockTimer extends PeriodicTask {
  constructor(
    private readonly breachDeadlines: BreachDeadlinesUseCase,
    private readonly expireReferrals: ExpireReferralsUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'referral deadline sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.DEADLINE_SWEEP_MS;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected async tick(): Promise<void> {
    const breached = await this.breachDeadlines.execute();
    const expired = await this.expireReferrals.execute();
    if (breached + expired > 0) this.logger.info({ breached, expired }, 'referral deadlines swept');
  }
}
