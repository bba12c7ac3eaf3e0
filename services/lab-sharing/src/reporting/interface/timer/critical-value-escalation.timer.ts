import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { type LabSharingConfig } from '../../../config/lab-sharing.config';
import { EscalateCriticalValuesUseCase } from '../../application/escalate-critical-values/escalate-critical-values.use-case';

/**
 * Timer adapter: escalates the critical values not acknowledged in time, every sweep interval, a batch at a time
 * until none is left. Safe with several replicas (SKIP LOCKED).
 */
@Injectable()
export class CriticalValueEscalationTimer extends PeriodicTask {
  constructor(
    private readonly escalate: EscalateCriticalValuesUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: LabSharingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'critical value escalation sweep failed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  protected async tick(): Promise<void> {
    const now = new Date();
    while ((await this.escalate.execute(now)) > 0);
  }
}
