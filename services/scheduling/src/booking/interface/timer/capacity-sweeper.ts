import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type SchedulingConfig } from '../../../config/scheduling.config';
import { ReleaseReserveUseCase } from '../../../schedules/application/release-reserve/release-reserve.use-case';
import { ExpireHoldsUseCase } from '../../application/expire-holds/expire-holds.use-case';

/**
 * Timer adapter: expires holds and releases reserved slots every interval.
 * Safe with several replicas (the use cases take rows with SKIP LOCKED).
 */
@Injectable()
export class CapacitySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly expireHolds: ExpireHoldsUseCase,
    private readonly releaseReserve: ReleaseReserveUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, this.config.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = new Date()): Promise<void> {
    try {
      while ((await this.expireHolds.execute(now)) > 0);
      while ((await this.releaseReserve.execute(now)) > 0);
    } catch (error) {
      this.logger.error({ err: error }, 'capacity sweep failed; retrying next interval');
    }
  }
}
