import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type SchedulingConfig } from '../../../config/scheduling.config';
import { ExpireHoldsUseCase } from '../../application/expire-holds/expire-holds.use-case';

/**
 * Timer adapter: gives back the slots of holds that ran out, every sweep
 * interval, a batch at a time until none is left. Safe with several replicas
 * (the use case takes rows with SKIP LOCKED).
 */
@Injectable()
export class HoldExpiryTimer extends PeriodicTask {
  constructor(
    private readonly expireHolds: ExpireHoldsUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'hold expiry sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  protected async tick(): Promise<void> {
    const now = new Date();
    while ((await this.expireHolds.execute(now)) > 0);
  }
}
