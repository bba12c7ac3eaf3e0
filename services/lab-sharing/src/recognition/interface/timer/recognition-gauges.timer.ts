import { Inject, Injectable } from '@nestjs/common';
import { type Logger, LOGGER } from '@medgrid/logging';
import { PeriodicTask, SERVICE_CONFIG } from '@medgrid/service';
import { gauge } from '@medgrid/telemetry';
import { type LabSharingConfig } from '../../../config/lab-sharing.config';
import { figuresOf, outcomesOf } from '../../application/recognition-figures';
import { TallyRecognitionUseCase } from '../../application/tally-recognition/tally-recognition.use-case';
import { type LookupTally } from '../../domain/recognition-lookup.repository';

// Per ordering institution, all items together: an institution-and-item label pair would be hundreds of
// institutions times hundreds of items, too many series for Prometheus and a refresh that holds the event
// loop for tens of milliseconds. GetRecognitionStatistics breaks an institution's figures down by item.
const LABELS = ['institution'] as const;
const lookups = gauge(
  'medgrid_lab_sharing_recognition_lookups',
  '"Already done?" look-ups over the window per ordering institution, by outcome',
  [...LABELS, 'outcome'],
);
const avoided = gauge(
  'medgrid_lab_sharing_recognition_repeats_avoided',
  'Results reused instead of ordering again over the window, per ordering institution',
  [...LABELS],
);
const rate = gauge(
  'medgrid_lab_sharing_recognition_rate_bp',
  'Recognition rate after look-up (reused among decided) over the window per ordering institution, in basis points',
  [...LABELS],
);

const DAY_MS = 86_400_000;

/**
 * Timer adapter: the recognition rate after look-up and the repeats avoided over the last
 * RECOGNITION_WINDOW_DAYS, per ordering institution (all items), as gauges for the city's dashboard.
 */
@Injectable()
export class RecognitionGaugesTimer extends PeriodicTask {
  constructor(
    private readonly tally: TallyRecognitionUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: LabSharingConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'recognition gauges not refreshed; retrying next interval');
  }

  protected intervalMs(): number {
    return this.config.RECOGNITION_GAUGES_REFRESH_MS;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected tick(): Promise<void> {
    return this.refresh();
  }

  async refresh(now = new Date()): Promise<void> {
    const tallies = await this.tally.execute(
      new Date(now.getTime() - this.config.RECOGNITION_WINDOW_DAYS * DAY_MS),
    );
    // Reset first, so an institution with no look-up in the window leaves the dashboards.
    for (const g of [lookups, avoided, rate]) g.reset();
    const byInstitution = new Map<string, LookupTally[]>();
    for (const tally of tallies) {
      const ofInstitution = byInstitution.get(tally.institutionId);
      if (ofInstitution) ofInstitution.push(tally);
      else byInstitution.set(tally.institutionId, [tally]);
    }
    for (const [institution, ofInstitution] of byInstitution) {
      const outcomes = outcomesOf(ofInstitution);
      for (const [outcome, count] of Object.entries(outcomes)) lookups.set({ institution, outcome }, count);
      const figures = figuresOf({ institutionId: institution, itemCode: '', outcomes });
      avoided.set({ institution }, figures.reused);
      if (figures.rateBp !== null) rate.set({ institution }, figures.rateBp);
    }
  }
}
