import { type settlementServiceV1 } from '@medgrid/contracts';
import { levelToProto, untilFromProto, untilToProto } from '../../common/contracts/insurance.proto-mapper';
import { type BasisPoints } from '../../common/domain/share';
import { type Fen } from '../../common/domain/money';
import { type Balance, type SettlementPolicy } from '../domain/settlement-policy';
import { type DatedCompositeScheme } from '../domain/settlement-rules';
import { type StoredSettlement } from '../domain/settlement-run.repository';
import { type Figures } from '../domain/settlement-run';

/** A request's policy as the domain's; shares as sent, for the rules' checks to name (policies[0].surplusRetainedBp). */
export function policyFromProto(p: settlementServiceV1.SettlementPolicy): SettlementPolicy {
  return {
    from: p.from.trim(),
    until: untilFromProto(p.until),
    surplusRetainedBp: p.surplusRetainedBp as BasisPoints,
    overspend: { fundBp: p.overspendFundBp as BasisPoints, financeBp: p.overspendFinanceBp as BasisPoints },
    basis: p.basis,
  };
}

export function policyToProto(p: SettlementPolicy): settlementServiceV1.SettlementPolicy {
  return {
    from: p.from,
    until: untilToProto(p.until),
    surplusRetainedBp: p.surplusRetainedBp,
    overspendFundBp: p.overspend.fundBp,
    overspendFinanceBp: p.overspend.financeBp,
    basis: p.basis,
  };
}

/** A request's scheme as the domain's; prices as sent, for the rules' checks to name (schemes[0].perCase[1].price). */
export function schemeFromProto(s: settlementServiceV1.CompositeScheme): DatedCompositeScheme {
  return {
    from: s.from.trim(),
    until: untilFromProto(s.until),
    perCase: s.perCase.map((p) => ({ diseaseGroup: p.diseaseGroup.trim(), price: p.price as Fen })),
    bedDay: {
      diseaseGroups: s.bedDayDiseaseGroups.map((g) => g.trim()),
      perDay: {
        primary: s.bedDayPrimary as Fen,
        secondary: s.bedDaySecondary as Fen,
        tertiary: s.bedDayTertiary as Fen,
      },
    },
    pointsForInpatient: s.pointsForInpatient,
  };
}

export function schemeToProto(s: DatedCompositeScheme): settlementServiceV1.CompositeScheme {
  return {
    from: s.from,
    until: untilToProto(s.until),
    perCase: s.perCase.map((p) => ({ diseaseGroup: p.diseaseGroup, price: p.price })),
    bedDayDiseaseGroups: [...s.bedDay.diseaseGroups],
    bedDayPrimary: s.bedDay.perDay.primary,
    bedDaySecondary: s.bedDay.perDay.secondary,
    bedDayTertiary: s.bedDay.perDay.tertiary,
    pointsForInpatient: s.pointsForInpatient,
  };
}

function figuresToProto(f: Figures): settlementServiceV1.SettlementFigures {
  return { claims: f.claims, fund: f.fund, patient: f.patient, waived: f.waived };
}

function balanceToProto(b: Balance): settlementServiceV1.SettlementBalance {
  const none = {
    amount: 0,
    retainedByGroup: 0,
    returnedToFund: 0,
    coveredByFund: 0,
    coveredByFinance: 0,
    borneByGroup: 0,
  };
  if (b.kind === 'surplus') return { ...none, ...b, kind: 'SURPLUS' };
  if (b.kind === 'overspend') return { ...none, ...b, kind: 'OVERSPEND' };
  return { ...none, kind: 'EVEN' };
}

export function settlementToProto(s: StoredSettlement): settlementServiceV1.SettlementRun {
  const r = s.result;
  return {
    runId: s.id,
    groupId: r.groupId,
    regionId: s.regionId,
    periodFrom: r.period.from,
    periodUntil: r.period.until,
    settledAt: s.settledAt,
    budget: r.budget,
    budgetBasis: budgetBasisOf(s),
    fundPaid: r.fundPaid,
    patientPaid: r.patientPaid,
    waived: r.waived,
    balance: balanceToProto(r.balance),
    institutions: r.institutions.map((i) => ({
      institutionId: i.institutionId,
      level: levelToProto(i.level),
      figures: figuresToProto(i),
      byPoints: i.byPoints,
    })),
    referred: figuresToProto(r.referred),
    unreferred: figuresToProto(r.unreferred),
    pointValue: r.pointValue
      ? {
          pot: r.pointValue.pot,
          totalWeight: r.pointValue.totalWeight.toString(),
          fenPerPoint: r.pointValue.fenPerPoint,
        }
      : undefined,
    ledger: r.ledger.map((e) => ({
      line: e.line,
      kind: e.kind,
      account: e.account,
      debit: e.debit,
      credit: e.credit,
      memo: e.memo,
    })),
  };
}

/** The budget's parts, as the budget transaction's memo records them. */
function budgetBasisOf(s: StoredSettlement): string[] {
  const memo = s.result.ledger.find((e) => e.kind === 'budget')?.memo;
  return memo && memo !== 'budget' ? memo.split('; ') : [];
}
