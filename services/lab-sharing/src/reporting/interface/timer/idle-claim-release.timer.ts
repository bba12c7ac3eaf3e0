import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type LabSharingConfig } from '../../../config/lab-sharing.config';
import { ReleaseIdleClaimsUseCase } from '../../application/release-idle-claims/release-idle-claims.use-case';

/**
 * Timer adapter: returns claims idle for the idle time to the worklist, every sweep interval, a batch at a time
 * until none is left. Safe with several replicas (the use case takes rows with SKIP LOCKED).
 */
@Injectable()
export class IdleClaimReleaseTimer extends PeriodicTask {
  constructor(
    private readonly releaseIdleClaims: ReleaseIdleClaimsUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: LabSharingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'idle claim sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  protected async tick(): Promise<void> {
    const now = new Date();
    while ((await this.releaseIdleClaims.execute(now)) > 0);
  }
}
