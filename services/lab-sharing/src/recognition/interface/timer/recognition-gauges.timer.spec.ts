import { createLogger } from '@medgrid/logging';
import { metricsRegistry } from '@medgrid/telemetry';
import { type LabSharingConfig } from '../../../config/lab-sharing.config';
import { type TallyRecognitionUseCase } from '../../application/tally-recognition/tally-recognition.use-case';
import { type LookupTally } from '../../domain/recognition-lookup.repository';
import { RecognitionGaugesTimer } from './recognition-gauges.timer';

const tally = (
  institutionId: string,
  itemCode: string,
  outcomes: Partial<LookupTally['outcomes']>,
): LookupTally => ({
  institutionId,
  itemCode,
  outcomes: { 'nothing-offered': 0, pending: 0, reused: 0, 'ordered-anyway': 0, ...outcomes },
});

describe(RecognitionGaugesTimer.name, () => {
  let tallies: LookupTally[];
  let since: Date | undefined;
  const sut = new RecognitionGaugesTimer(
    {
      execute: (from: Date) => {
        since = from;
        return Promise.resolve(tallies);
      },
    } as TallyRecognitionUseCase,
    { RECOGNITION_GAUGES_REFRESH_MS: 60_000, RECOGNITION_WINDOW_DAYS: 30 } as LabSharingConfig,
    createLogger({ service: 'lab-sharing-spec', level: 'silent' }),
  );

  /** The gauge's series as label set → value. */
  const series = async (name: string) =>
    Object.fromEntries(
      (await metricsRegistry.getSingleMetric(name)!.get()).values.map((v) => [
        JSON.stringify(v.labels),
        v.value,
      ]),
    );

  it("sets each institution's figures over the window, all items together, one series per institution", async () => {
    tallies = [
      tally('i-1', 'LAB-GLU', { reused: 10, 'ordered-anyway': 5, pending: 2, 'nothing-offered': 7 }),
      tally('i-1', 'IMG-CT-HEAD', { reused: 5, 'ordered-anyway': 5 }),
      tally('i-2', 'LAB-GLU', { 'nothing-offered': 3 }),
    ];

    await sut.refresh(new Date('2026-12-05T00:00:00Z'));

    expect(since).toEqual(new Date('2026-11-05T00:00:00Z'));
    expect(await series('medgrid_lab_sharing_recognition_lookups')).toEqual({
      '{"institution":"i-1","outcome":"nothing-offered"}': 7,
      '{"institution":"i-1","outcome":"pending"}': 2,
      '{"institution":"i-1","outcome":"reused"}': 15,
      '{"institution":"i-1","outcome":"ordered-anyway"}': 10,
      '{"institution":"i-2","outcome":"nothing-offered"}': 3,
      '{"institution":"i-2","outcome":"pending"}': 0,
      '{"institution":"i-2","outcome":"reused"}': 0,
      '{"institution":"i-2","outcome":"ordered-anyway"}': 0,
    });
    expect(await series('medgrid_lab_sharing_recognition_repeats_avoided')).toEqual({
      '{"institution":"i-1"}': 15,
      '{"institution":"i-2"}': 0,
    });
    // 15 reused of 25 decided; i-2 decided none, so it has no rate.
    expect(await series('medgrid_lab_sharing_recognition_rate_bp')).toEqual({
      '{"institution":"i-1"}': 6000,
    });
  });

  it('drops an institution with no look-up left in the window', async () => {
    tallies = [tally('i-1', 'LAB-GLU', { reused: 1 })];
    await sut.refresh();
    tallies = [tally('i-2', 'LAB-GLU', { reused: 1 })];

    await sut.refresh();

    expect(Object.keys(await series('medgrid_lab_sharing_recognition_repeats_avoided'))).toEqual([
      '{"institution":"i-2"}',
    ]);
  });
});
