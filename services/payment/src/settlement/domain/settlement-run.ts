import { type FieldViolation, isUuid } from '@medgrid/errors';
import { inPeriod, periodKey, type SettlementPeriod } from '../../common/domain/effective-period';
import { type InstitutionLevel, LEVELS } from '../../common/domain/insurance';
import { addFen, type Fen, fenViolation, sumFen, ZERO_FEN } from '../../common/domain/money';
import { credit, debit, type LedgerEntry, ledgerLines, type LedgerTransaction } from './ledger';
import { type PaymentMethod } from './payment-method';
import { type PointValueSettlement, settleByPoints } from './point-value';
import { type Balance, balanceOf, checkedPolicy, type SettlementPolicy } from './settlement-policy';
import { SettlementError, SettlementErrorCode } from './settlement-error';

/** An adjudicated claim version as a settlement counts it. */
export interface SettledClaim {
  readonly claimId: string;
  readonly claimVersion: number;
  readonly serviceDate: string;
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly referred: boolean;
  readonly method: PaymentMethod;
  /** The fund's payment: the adjudicated share, or the fixed price; 0 for points (the period's point value decides). */
  readonly fund: Fen;
  readonly patient: Fen;
  readonly waived: Fen;
  /** The case's weight in 1/10000 points when settled by points, else 0. */
  readonly weight: bigint;
}

/**
 * Claims of a period that settle alike (one institution, level, referral and method), summed: what the run's SQL
 * aggregate gives, so a city's month is tallied from a few thousand rows instead of a row per claim. A single
 * claim is such figures with `claims` 1; the sums are exact integers, so the cut makes no difference to the run.
 */
export interface SettledFigures {
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly referred: boolean;
  readonly method: PaymentMethod;
  readonly claims: number;
  readonly fund: Fen;
  readonly patient: Fen;
  readonly waived: Fen;
  /** The claims' weights together, in 1/10000 points (0 unless settled by points). */
  readonly weight: bigint;
}

export interface Figures {
  readonly claims: number;
  readonly fund: Fen;
  readonly patient: Fen;
  readonly waived: Fen;
}

const NO_FIGURES: Figures = { claims: 0, fund: ZERO_FEN, patient: ZERO_FEN, waived: ZERO_FEN };

function plus(figures: Figures, claim: { claims: number; fund: Fen; patient: Fen; waived: Fen }): Figures {
  return {
    claims: figures.claims + claim.claims,
    fund: addFen(figures.fund, claim.fund),
    patient: addFen(figures.patient, claim.patient),
    waived: addFen(figures.waived, claim.waived),
  };
}

interface InstitutionTally extends Figures {
  readonly level: InstitutionLevel;
  readonly weight: bigint;
}

/**
 * A period's claims counted batch by batch, claim by claim or as figures summed already: sums only, so the order
 * and the cut of the batches make no difference and a run resumed from its last counted batch reaches the same
 * totals. A batch of claims is taken whole or not at all: a claim counted before, or dated outside the period,
 * refuses the batch and nothing of it is counted (figures come from one aggregate over the period, which counts
 * each claim once by construction).
 */
export class SettlementTally {
  private readonly counted = new Set<string>();
  private claimCount = 0;
  private readonly institutions = new Map<string, InstitutionTally>();
  private byLevelFigures: Record<InstitutionLevel, Figures> = {
    primary: NO_FIGURES,
    secondary: NO_FIGURES,
    tertiary: NO_FIGURES,
  };
  private referredFigures = NO_FIGURES;
  private unreferredFigures = NO_FIGURES;

  constructor(readonly period: SettlementPeriod) {}

  add(batch: readonly SettledClaim[]): void {
    const inBatch = new Set<string>();
    batch.forEach((claim, index) => {
      if (this.counted.has(claim.claimId) || inBatch.has(claim.claimId)) {
        throw new SettlementError(
          SettlementErrorCode.ClaimCountedTwice,
          `claim ${claim.claimId} is already counted in this run`,
          `claims[${index}].claimId`,
        );
      }
      if (!inPeriod(this.period, claim.serviceDate)) {
        throw new SettlementError(
          SettlementErrorCode.ClaimOutsidePeriod,
          `claim ${claim.claimId} of ${claim.serviceDate} is not in ${periodKey(this.period)}`,
          `claims[${index}].serviceDate`,
        );
      }
      inBatch.add(claim.claimId);
    });
    for (const claim of batch) this.counted.add(claim.claimId);
    this.addFigures(batch.map((claim) => ({ ...claim, claims: 1 })));
  }

  /** Figures of claims summed already (the run's aggregate), each row's claims counted as many. */
  addFigures(rows: readonly SettledFigures[]): void {
    for (const row of rows) {
      this.claimCount += row.claims;
      const before = this.institutions.get(row.institutionId) ?? {
        ...NO_FIGURES,
        level: row.level,
        weight: 0n,
      };
      this.institutions.set(row.institutionId, {
        ...plus(before, row),
        level: before.level,
        weight: before.weight + row.weight,
      });
      this.byLevelFigures = {
        ...this.byLevelFigures,
        [row.level]: plus(this.byLevelFigures[row.level], row),
      };
      if (row.referred) this.referredFigures = plus(this.referredFigures, row);
      else this.unreferredFigures = plus(this.unreferredFigures, row);
    }
  }

  get claims(): number {
    return this.claimCount;
  }

  /** Per institution, in id order. */
  institutionFigures(): { institutionId: string; figures: InstitutionTally }[] {
    return [...this.institutions.keys()]
      .sort()
      .map((id) => ({ institutionId: id, figures: this.institutions.get(id)! }));
  }

  byLevel(): Record<InstitutionLevel, Figures> {
    return this.byLevelFigures;
  }

  referral(): { referred: Figures; unreferred: Figures } {
    return { referred: this.referredFigures, unreferred: this.unreferredFigures };
  }
}

export interface SettlementInput {
  readonly groupId: string;
  readonly period: SettlementPeriod;
  /** The group's budget for the period: capitation and global budget together. */
  readonly budget: Fen;
  readonly budgetBasis: readonly string[];
  /** The part of the budget shared among point-settled cases by the point value (0 when none settle by points). */
  readonly pointsPot: Fen;
  readonly policy: SettlementPolicy;
}

export interface InstitutionSettlement extends Figures {
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  /** Of `fund`, what points earned at the period's point value. */
  readonly byPoints: Fen;
}

export interface SettlementResult {
  readonly runKey: string;
  readonly groupId: string;
  readonly period: SettlementPeriod;
  readonly budget: Fen;
  readonly fundPaid: Fen;
  readonly patientPaid: Fen;
  readonly waived: Fen;
  readonly balance: Balance;
  readonly institutions: readonly InstitutionSettlement[];
  readonly byLevel: Readonly<Record<InstitutionLevel, Figures>>;
  readonly referred: Figures;
  readonly unreferred: Figures;
  readonly pointValue: PointValueSettlement | null;
  readonly ledger: readonly LedgerEntry[];
}

/**
 * Settles a group's period (结算): the fund pays each institution its claims' fund payments (and, for point-settled
 * cases, its share of the points pot at the period's point value); the claims draw on the group's budget; the
 * balance is a surplus the group keeps its share of or an overspend shared as the policy says. Written as balanced
 * double-entry transactions: the budget account opens with the budget and closes at zero. A pure function of its
 * inputs, in institution id order: the same period settled again gives the same ledger, line for line.
 */
export function settle(input: SettlementInput, tally: SettlementTally): SettlementResult {
  const policy = checkedPolicy(input.policy);
  checkInput(input, tally);
  const budgetAccount = `budget:${input.groupId}` as const;
  const institutionRows = tally.institutionFigures();
  const pointed = institutionRows.filter((row) => row.figures.weight > 0n);
  const pointValue = pointed.length
    ? settleByPoints(
        input.pointsPot,
        pointed.map((row) => ({ institutionId: row.institutionId, weight: row.figures.weight })),
      )
    : null;
  const byPoints = new Map(pointValue?.payments.map((p) => [p.institutionId, p.amount]) ?? []);

  const institutions: InstitutionSettlement[] = institutionRows.map(({ institutionId, figures }) => {
    const points = byPoints.get(institutionId) ?? ZERO_FEN;
    return {
      institutionId,
      level: figures.level,
      claims: figures.claims,
      fund: addFen(figures.fund, points),
      patient: figures.patient,
      waived: figures.waived,
      byPoints: points,
    };
  });
  const fundPaid = sumFen(institutions.map((i) => i.fund));
  const patientPaid = sumFen(institutions.map((i) => i.patient));
  const balance = balanceOf(input.budget, fundPaid, policy);

  const transactions: LedgerTransaction[] = [
    {
      kind: 'budget',
      memo: input.budgetBasis.join('; ') || 'budget',
      postings: [debit('fund', input.budget), credit(budgetAccount, input.budget)],
    },
    ...institutions.map((i): LedgerTransaction => ({
      kind: 'claims',
      memo: `${i.claims} claims of ${i.institutionId}${i.byPoints > 0 ? `, ${i.byPoints} fen by points` : ''}`,
      postings: [debit(budgetAccount, i.fund), credit(`institution:${i.institutionId}`, i.fund)],
    })),
    ...institutions.map((i): LedgerTransaction => ({
      kind: 'patient-share',
      memo: `patients' shares at ${i.institutionId}`,
      postings: [debit('patients', i.patient), credit(`institution:${i.institutionId}`, i.patient)],
    })),
  ];
  if (balance.kind === 'surplus') {
    transactions.push({
      kind: 'surplus',
      memo: `surplus ${balance.amount} fen, ${policy.surplusRetainedBp / 100}% retained by the group (${policy.basis})`,
      postings: [
        debit(budgetAccount, balance.amount),
        credit(`group:${input.groupId}:retained`, balance.retainedByGroup),
        credit('fund', balance.returnedToFund),
      ],
    });
  } else if (balance.kind === 'overspend') {
    transactions.push({
      kind: 'overspend',
      memo: `overspend ${balance.amount} fen: fund ${policy.overspend.fundBp / 100}%, finance ${policy.overspend.financeBp / 100}%, the group the rest (${policy.basis})`,
      postings: [
        debit('fund', balance.coveredByFund),
        debit('public-finance', balance.coveredByFinance),
        debit(`group:${input.groupId}:overspend-borne`, balance.borneByGroup),
        credit(budgetAccount, balance.amount),
      ],
    });
  }

  const runKey = `${input.groupId}/${periodKey(input.period)}`;
  const { referred, unreferred } = tally.referral();
  const byLevel = tally.byLevel();
  return {
    runKey,
    groupId: input.groupId,
    period: input.period,
    budget: input.budget,
    fundPaid,
    patientPaid,
    waived: sumFen(institutions.map((i) => i.waived)),
    balance,
    institutions,
    byLevel: Object.fromEntries(LEVELS.map((level) => [level, byLevel[level]])) as Record<
      InstitutionLevel,
      Figures
    >,
    referred,
    unreferred,
    pointValue,
    ledger: ledgerLines(runKey, transactions),
  };
}

/** The run's own figures, every bad one named: a group id, whole fen, a points pot within the budget, the tally's period. */
function checkInput(input: SettlementInput, tally: SettlementTally): void {
  const violations: FieldViolation[] = [];
  if (!isUuid(input.groupId)) {
    violations.push({
      field: 'groupId',
      reason: SettlementErrorCode.InvalidRun,
      description: 'must be a UUID',
    });
  }
  for (const [field, amount] of [
    ['budget', input.budget],
    ['pointsPot', input.pointsPot],
  ] as const) {
    const violation = fenViolation(amount, field);
    if (violation) violations.push(violation);
  }
  if (!violations.length && input.pointsPot > input.budget) {
    violations.push({
      field: 'pointsPot',
      reason: SettlementErrorCode.InvalidRun,
      description: `the points pot (${input.pointsPot} fen) is part of the budget (${input.budget} fen), not more`,
    });
  }
  if (periodKey(input.period) !== periodKey(tally.period)) {
    violations.push({
      field: 'period',
      reason: SettlementErrorCode.InvalidRun,
      description: `the claims were counted for ${periodKey(tally.period)}, not ${periodKey(input.period)}`,
    });
  }
  if (violations.length) {
    throw new SettlementError(
      SettlementErrorCode.InvalidRun,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
