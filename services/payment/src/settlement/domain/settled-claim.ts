import { type Adjudication } from '../../claims/domain/adjudication';
import { type ClaimVersion } from '../../claims/domain/claim-record';
import { type EncounterKind, type InstitutionLevel } from '../../common/domain/insurance';
import { type Fen, timesCount, ZERO_FEN } from '../../common/domain/money';
import { type DiseaseGroupTable } from '../../rules/domain/disease-group-points';
import { type CompositeScheme, methodOf } from './payment-method';
import { type SettledClaim, type SettledFigures } from './settlement-run';

/**
 * Claim versions in force of a period that settle alike, summed: the run's SQL aggregate groups the group's month by
 * these keys (the figures are plain columns of the claim, filled at intake), since how a claim is paid depends on
 * nothing else — its institution and level, its encounter and disease group (the method), and its referral.
 */
export interface ClaimFigures {
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly encounter: EncounterKind;
  readonly diseaseGroup: string | null;
  readonly referred: boolean;
  readonly claims: number;
  /** The adjudicated shares, summed. */
  readonly fund: Fen;
  readonly patient: Fen;
  readonly waived: Fen;
  /** The inpatient stays' days, summed (0 for outpatient visits). */
  readonly bedDays: number;
}

/**
 * Claims' figures as their settlement counts them, paid by the method the composite scheme gives them: the
 * adjudicated fund shares (fee-for-service), the fixed price per case × the cases, the level's price per bed-day ×
 * the days, or the disease group's points weighed by the level × the cases (paid at the period's point value). A
 * case paid by points whose group the fund's table (in force on `weighedOn`) does not know is paid its adjudicated
 * fund share instead, so one unknown group never fails a run. The patients' shares and the waived fees are the
 * adjudications' whatever the method. Exact integers throughout: the figures of many claims settle to the sum of
 * the claims settled one by one.
 */
export function settledFiguresOf(
  figures: ClaimFigures,
  scheme: CompositeScheme,
  diseaseGroups: DiseaseGroupTable,
  weighedOn: string,
): SettledFigures {
  const group = figures.diseaseGroup;
  let method = methodOf(
    {
      encounter: figures.encounter === 'inpatient' ? { kind: 'inpatient', days: 0 } : { kind: 'outpatient' },
      diseaseGroup: group,
    },
    scheme,
  );
  let weight = 0n;
  let fund: Fen = figures.fund;
  if (method === 'points') {
    const weighing = diseaseGroups.weighCase(group, figures.level, weighedOn);
    if (weighing.method === 'points') {
      weight = weighing.weight * BigInt(figures.claims);
      fund = ZERO_FEN;
    } else {
      method = 'fee-for-service';
    }
  } else if (method === 'per-case') {
    fund = timesCount(scheme.perCase.find((p) => p.diseaseGroup === group)!.price, figures.claims);
  } else if (method === 'bed-day') {
    fund = timesCount(scheme.bedDay.perDay[figures.level], figures.bedDays);
  }
  return {
    institutionId: figures.institutionId,
    level: figures.level,
    referred: figures.referred,
    method,
    claims: figures.claims,
    fund,
    patient: figures.patient,
    waived: figures.waived,
    weight,
  };
}

/** One claim version's figures: what intake stores beside it for the run's aggregate. */
export function claimFiguresOf(claim: ClaimVersion, adjudication: Adjudication): ClaimFigures {
  const submission = claim.submission;
  return {
    institutionId: submission.institutionId,
    level: submission.institutionLevel,
    encounter: submission.encounter.kind,
    diseaseGroup: submission.diseaseGroup,
    referred: adjudication.referral === 'referred',
    claims: 1,
    fund: adjudication.fund,
    patient: adjudication.patient,
    waived: adjudication.waived,
    bedDays: submission.encounter.kind === 'inpatient' ? submission.encounter.days : 0,
  };
}

/**
 * An adjudicated claim version as its settlement counts it: its own figures settled (settledFiguresOf), weighed by
 * the disease groups in force on its service date.
 */
export function settledClaimOf(
  claimId: string,
  claim: ClaimVersion,
  adjudication: Adjudication,
  scheme: CompositeScheme,
  diseaseGroups: DiseaseGroupTable,
): SettledClaim {
  const settled = settledFiguresOf(
    claimFiguresOf(claim, adjudication),
    scheme,
    diseaseGroups,
    claim.submission.serviceDate,
  );
  return {
    claimId,
    claimVersion: claim.version,
    serviceDate: claim.submission.serviceDate,
    institutionId: settled.institutionId,
    level: settled.level,
    referred: settled.referred,
    method: settled.method,
    fund: settled.fund,
    patient: settled.patient,
    waived: settled.waived,
    weight: settled.weight,
  };
}

/**
 * Settled claims summed by what the tally keeps apart (institution, level, referral, method): the figures the run's
 * aggregate would give for them. In key order, so the same claims give the same rows.
 */
export function summedFigures(claims: readonly SettledClaim[]): SettledFigures[] {
  const rows = new Map<string, SettledFigures>();
  for (const c of claims) {
    const key = [c.institutionId, c.level, c.referred, c.method].join('|');
    const before = rows.get(key);
    rows.set(key, {
      institutionId: c.institutionId,
      level: c.level,
      referred: c.referred,
      method: c.method,
      claims: (before?.claims ?? 0) + 1,
      fund: ((before?.fund ?? 0) + c.fund) as Fen,
      patient: ((before?.patient ?? 0) + c.patient) as Fen,
      waived: ((before?.waived ?? 0) + c.waived) as Fen,
      weight: (before?.weight ?? 0n) + c.weight,
    });
  }
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}
