import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type SchedulingConfig } from '../../../config/scheduling.config';
import { ReleaseReserveUseCase } from '../../application/release-reserve/release-reserve.use-case';

/**
 * Timer adapter: moves reserved slots nobody took by the lead time to the
 * public pool, every sweep interval, a batch at a time until none is left.
 * Safe with several replicas (the use case takes rows with SKIP LOCKED).
 */
@Injectable()
export class ReserveReleaseTimer extends PeriodicTask {
  constructor(
    private readonly releaseReserve: ReleaseReserveUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'reserve release sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  protected async tick(): Promise<void> {
    const now = new Date();
    while ((await this.releaseReserve.execute(now)) > 0);
  }
}
