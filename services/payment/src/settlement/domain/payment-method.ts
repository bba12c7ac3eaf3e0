import { type InstitutionLevel } from '../../common/domain/insurance';
import { type Fen, timesCount } from '../../common/domain/money';
import { type Encounter } from '../../claims/domain/claim-submission';

/**
 * The ways a composite scheme (复合式支付) pays an institution for a claim: the adjudicated fund share
 * (fee-for-service), points of the claim's disease group at the period's point value, a fixed price per case of a
 * disease group (按病种付费), or a price per bed-day for long stays (按床日付费) [Guangzhou reply 2020].
 */
export type PaymentMethod = 'fee-for-service' | 'points' | 'per-case' | 'bed-day';

export interface CompositeScheme {
  /** Disease groups paid a fixed price per case, whatever was billed. */
  readonly perCase: readonly { readonly diseaseGroup: string; readonly price: Fen }[];
  /** Long-stay disease groups (rehabilitation, mental health) paid by the day at the institution's level. */
  readonly bedDay: {
    readonly diseaseGroups: readonly string[];
    readonly perDay: Readonly<Record<InstitutionLevel, Fen>>;
  };
  /** Whether the other inpatient stays with a disease group are settled by points. */
  readonly pointsForInpatient: boolean;
}

/** A scheme paying everything fee-for-service: what a group without DIP settles by. */
export const FEE_FOR_SERVICE_ONLY: CompositeScheme = {
  perCase: [],
  bedDay: { diseaseGroups: [], perDay: { primary: 0 as Fen, secondary: 0 as Fen, tertiary: 0 as Fen } },
  pointsForInpatient: false,
};

/**
 * Which method pays a claim, first match: a per-case group, then a bed-day group (inpatient), then points (an
 * inpatient stay with a disease group, when the scheme settles by points), else fee-for-service. Outpatient visits
 * are fee-for-service unless their group has a per-case price.
 */
export function methodOf(
  claim: { readonly encounter: Encounter; readonly diseaseGroup: string | null },
  scheme: CompositeScheme,
): PaymentMethod {
  const group = claim.diseaseGroup;
  if (group !== null && scheme.perCase.some((p) => p.diseaseGroup === group)) return 'per-case';
  if (claim.encounter.kind === 'inpatient' && group !== null) {
    if (scheme.bedDay.diseaseGroups.includes(group)) return 'bed-day';
    if (scheme.pointsForInpatient) return 'points';
  }
  return 'fee-for-service';
}

/**
 * What the fund pays the institution for a claim settled at a fixed price: the group's price per case, or the
 * stay's days × the level's price per bed-day. Null for fee-for-service and points (the adjudicated share, or the
 * period's point value, decide those).
 */
export function fixedPayment(
  claim: { readonly encounter: Encounter; readonly diseaseGroup: string | null },
  level: InstitutionLevel,
  scheme: CompositeScheme,
): Fen | null {
  const method = methodOf(claim, scheme);
  if (method === 'per-case') return scheme.perCase.find((p) => p.diseaseGroup === claim.diseaseGroup)!.price;
  if (method === 'bed-day' && claim.encounter.kind === 'inpatient') {
    return timesCount(scheme.bedDay.perDay[level], claim.encounter.days);
  }
  return null;
}
