import { CapacityError, CapacityErrorCode } from './capacity-error';
import { type ReserveFloors } from './city-reserve-floor';
import { atLeast, formatRatio, type ReserveRatio } from './reserve-ratio';

/**
 * The floors a hospital's policy is judged against (its city's, in force
 * today) and the default release lead time.
 */
export interface CityReserveRules extends ReserveFloors {
  readonly releaseLeadHours: number;
}

/** The shares a hospital reserves on a date. */
export interface ReserveShare {
  readonly slotRatio: ReserveRatio;
  readonly bedRatio: ReserveRatio;
}

export interface ReservePolicySnapshot {
  readonly institutionId: string;
  readonly groupId: string;
  readonly slotRatio: ReserveRatio;
  readonly bedRatio: ReserveRatio;
  readonly releaseLeadHours: number;
  readonly overrideReason: string;
  readonly overrideBy: string;
  /** The slot ratio was below the city's floor when a city operator recorded the override. */
  readonly slotOverride: boolean;
  /** The bed ratio was below the city's floor when a city operator recorded the override. */
  readonly bedOverride: boolean;
  readonly version: number;
  /** Null for the city's default, which no one has set for this hospital. */
  readonly updatedAt: Date | null;
}

/** A change as the request asked it, its ratios valid and its lead time at most MAX_LEAD_HOURS. */
export interface ReservePolicyChange {
  readonly slotRatio: ReserveRatio;
  readonly bedRatio: ReserveRatio;
  /** 0 keeps the city's default. */
  readonly releaseLeadHours: number;
  readonly overrideReason: string;
  /** Only a city operator may record an override below the floor. */
  readonly actorMayOverride: boolean;
  readonly actor: string;
}

/** The longest release lead time: a week before the session. */
export const MAX_LEAD_HOURS = 7 * 24;

/**
 * A hospital's reserve rule. Its ratios may not go below its city's floor in
 * force today unless a city operator records why (one hospital allowed below
 * its city's floor: a real decision, so it is allowed but never silent). A
 * whole city's lower floor is the city's own rule (CityReserveFloor), not an
 * override per hospital.
 */
export class ReservePolicy {
  private constructor(private state: ReservePolicySnapshot) {}

  static cityDefault(institutionId: string, groupId: string, rules: CityReserveRules): ReservePolicy {
    return new ReservePolicy({
      institutionId,
      groupId,
      slotRatio: rules.slotFloor,
      bedRatio: rules.bedFloor,
      releaseLeadHours: rules.releaseLeadHours,
      overrideReason: '',
      overrideBy: '',
      slotOverride: false,
      bedOverride: false,
      version: 0,
      updatedAt: null,
    });
  }

  static restore(snapshot: ReservePolicySnapshot): ReservePolicy {
    return new ReservePolicy(snapshot);
  }

  change(change: ReservePolicyChange, rules: CityReserveRules, now: Date): void {
    const reason = change.overrideReason.trim();
    const belowFloor: [string, ReserveRatio, ReserveRatio][] = (
      [
        ['slotRatio', change.slotRatio, rules.slotFloor],
        ['bedRatio', change.bedRatio, rules.bedFloor],
      ] as [string, ReserveRatio, ReserveRatio][]
    ).filter(([, value, floor]) => !atLeast(value, floor));
    if (belowFloor.length > 0 && !reason) {
      const [field, value, floor] = belowFloor[0]!;
      throw new CapacityError(
        CapacityErrorCode.RatioBelowFloor,
        `${formatRatio(value)} is below the city's floor of ${formatRatio(floor)}; a city operator must record an override reason`,
        field,
      );
    }
    if (reason && !change.actorMayOverride) {
      throw new CapacityError(
        CapacityErrorCode.OverrideNotAllowed,
        'only a city operator may record an override of the city floor',
        'overrideReason',
      );
    }
    this.state = {
      ...this.state,
      slotRatio: change.slotRatio,
      bedRatio: change.bedRatio,
      releaseLeadHours: change.releaseLeadHours || rules.releaseLeadHours,
      overrideReason: belowFloor.length > 0 ? reason : '',
      overrideBy: belowFloor.length > 0 ? change.actor : '',
      slotOverride: belowFloor.some(([field]) => field === 'slotRatio'),
      bedOverride: belowFloor.some(([field]) => field === 'bedRatio'),
      version: this.state.version + 1,
      updatedAt: now,
    };
  }

  snapshot(): ReservePolicySnapshot {
    return { ...this.state };
  }
}

/**
 * The shares a hospital reserves on a date whose city floors are `floors`.
 * Without a policy of its own it follows the floors. Its own ratio counts when
 * it is at least the floor, so a hospital may send more than its city asks but
 * never less; when the city raises its floor later, a lower ratio is lifted to
 * it. The one exception is a ratio a city operator let below the floor with a
 * recorded override: that stays the hospital's share until the policy is set
 * again.
 */
export function shareInForce(policy: ReservePolicySnapshot | null, floors: ReserveFloors): ReserveShare {
  const pick = (own: ReserveRatio, floor: ReserveRatio, overridden: boolean) =>
    overridden || atLeast(own, floor) ? own : floor;
  if (!policy || policy.version === 0) return { slotRatio: floors.slotFloor, bedRatio: floors.bedFloor };
  return {
    slotRatio: pick(policy.slotRatio, floors.slotFloor, policy.slotOverride),
    bedRatio: pick(policy.bedRatio, floors.bedFloor, policy.bedOverride),
  };
}
