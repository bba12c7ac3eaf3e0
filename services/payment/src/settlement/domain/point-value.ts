import { type Fen } from '../../common/domain/money';
import { divideRounded } from '../../common/domain/rounding';
import { allocate } from '../../common/domain/share';
import { SettlementError, SettlementErrorCode } from './settlement-error';

/** A case's institution and its weight in 1/10000 points (DiseaseGroupTable.weightOf). */
export interface PointedCase {
  readonly institutionId: string;
  readonly weight: bigint;
}

export interface PointPayment {
  readonly institutionId: string;
  readonly weight: bigint;
  readonly amount: Fen;
}

export interface PointValueSettlement {
  readonly pot: Fen;
  /** Sum of the cases' weights, in 1/10000 points. */
  readonly totalWeight: bigint;
  /** The point value, fen per point, to four decimals (for reports; payments use the exact fraction). */
  readonly fenPerPoint: string;
  /** In institution id order. */
  readonly payments: readonly PointPayment[];
}

/**
 * Point-value settlement (按病种分值结算): the point value is the pot (the period's budget for point-settled cases)
 * divided by all the points the institutions earned in the period, and each institution is paid its points × the
 * point value. Worked as one exact split of the pot by points (largest remainder), so the payments add up to the
 * pot to the fen whatever the point value's decimals; a point value is known only when the period's points are all
 * in, which is why it is settled after the period, never claim by claim.
 */
export function settleByPoints(pot: Fen, cases: readonly PointedCase[]): PointValueSettlement {
  const byInstitution = new Map<string, bigint>();
  for (const c of cases)
    byInstitution.set(c.institutionId, (byInstitution.get(c.institutionId) ?? 0n) + c.weight);
  const institutions = [...byInstitution.keys()].sort();
  const weights = institutions.map((id) => byInstitution.get(id)!);
  const totalWeight = weights.reduce((s, w) => s + w, 0n);
  if (totalWeight === 0n) {
    throw new SettlementError(
      SettlementErrorCode.NoPointsToShare,
      'no point-settled case in the period: the pot has no points to be shared by',
      'cases',
    );
  }
  const amounts = allocate(pot, weights);
  const perPointTimes10000 = divideRounded(BigInt(pot) * 10_000n * 10_000n, totalWeight, 'half-even');
  const whole = perPointTimes10000 / 10_000n;
  const decimals = (perPointTimes10000 % 10_000n).toString().padStart(4, '0');
  return {
    pot,
    totalWeight,
    fenPerPoint: `${whole}.${decimals}`,
    payments: institutions.map((institutionId, i) => ({
      institutionId,
      weight: weights[i]!,
      amount: amounts[i]!,
    })),
  };
}
