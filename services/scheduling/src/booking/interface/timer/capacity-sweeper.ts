import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type SchedulingConfig } from '../../../config/scheduling.config';
import { ReleaseReserveUseCase } from '../../../schedules/application/release-reserve/release-reserve.use-case';
import { ExpireHoldsUseCase } from '../../application/expire-holds/expire-holds.use-case';

/**
 * Timer adapter: expires holds and releases reserved slots every interval.
 * Safe with several replicas (the use cases take rows with SKIP LOCKED).
 */
@Injectable()
export class CapacitySweeper extends PeriodicTask {
  constructor(
    private readonly expireHolds: ExpireHoldsUseCase,
    private readonly releaseReserve: ReleaseReserveUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'capacity sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  protected tick(): Promise<void> {
    return this.sweep();
  }

  async sweep(now = new Date()): Promise<void> {
    while ((await this.expireHolds.execute(now)) > 0);
    while ((await this.releaseReserve.execute(now)) > 0);
  }
}
