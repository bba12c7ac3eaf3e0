import { metricsRegistry } from '@medgrid/telemetry';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { type Adjudication } from '../domain/adjudication';
import { ClaimError, ClaimErrorCode } from '../domain/claim-error';
import { countAdjudicated, countRefused } from './claim-metrics';

/** The counter's series as label set → value. */
const series = async (name: string) =>
  Object.fromEntries(
    (await metricsRegistry.getSingleMetric(name)!.get()).values.map((v) => [
      JSON.stringify(v.labels),
      v.value,
    ]),
  );

function anAdjudication(overrides: Partial<Adjudication> = {}): Adjudication {
  return {
    claimId: 'claim-1',
    claimVersion: 1,
    scheme: 'urban-employee',
    referral: 'referred',
    contract: 'contracted',
    ruleId: 'rule-1',
    tableVersion: 1,
    rateBp: 6000 as BasisPoints,
    total: 30_000 as Fen,
    waived: 1_000 as Fen,
    deductible: 0 as Fen,
    fund: 17_400 as Fen,
    patient: 11_600 as Fen,
    reasons: [],
    ...overrides,
  };
}

describe('claim metrics', () => {
  beforeEach(() => {
    for (const name of [
      'medgrid_payment_claims_adjudicated_total',
      'medgrid_payment_claims_refused_total',
      'medgrid_payment_claims_fen_total',
    ]) {
      metricsRegistry.getSingleMetric(name)!.reset();
    }
  });

  it('counts an adjudicated claim by institution, encounter and referral as adjudicated, and what it billed by payer', async () => {
    countAdjudicated('h-1', 'outpatient', anAdjudication());
    countAdjudicated(
      'h-1',
      'outpatient',
      anAdjudication({ fund: 100 as Fen, patient: 50 as Fen, waived: 0 as Fen }),
    );

    expect(await series('medgrid_payment_claims_adjudicated_total')).toEqual({
      '{"institution":"h-1","encounter":"outpatient","referral":"referred","overruled":"false"}': 2,
    });
    expect(await series('medgrid_payment_claims_fen_total')).toEqual({
      '{"institution":"h-1","share":"fund"}': 17_500,
      '{"institution":"h-1","share":"patient"}': 11_650,
      '{"institution":"h-1","share":"waived"}': 1_000,
    });
  });

  it('marks a claim whose stated referral or contract the check overruled (a VERIFIED reason)', async () => {
    countAdjudicated(
      'h-2',
      'inpatient',
      anAdjudication({
        referral: 'unreferred',
        reasons: [{ code: 'VERIFIED', amount: 0 as Fen, detail: 'referral r-1 was never announced' }],
      }),
    );

    expect(await series('medgrid_payment_claims_adjudicated_total')).toEqual({
      '{"institution":"h-2","encounter":"inpatient","referral":"unreferred","overruled":"true"}': 1,
    });
  });

  it('counts a refusal by institution and the code the caller was answered with', async () => {
    const settled = () =>
      new ClaimError(ClaimErrorCode.PeriodAlreadySettled, '2026-11 is settled', 'claim.serviceDate');
    countRefused('h-1', settled());
    countRefused(
      'h-1',
      ClaimError.invalid([{ field: 'claim.lines', reason: 'REQUIRED', description: 'at least one line' }]),
    );
    countRefused('h-1', settled());

    expect(await series('medgrid_payment_claims_refused_total')).toEqual({
      '{"institution":"h-1","reason":"PERIOD_ALREADY_SETTLED"}': 2,
      '{"institution":"h-1","reason":"INVALID_CLAIM"}': 1,
    });
  });
});
