import { FieldChecks } from '@medgrid/errors';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { atLeast, formatRatio, isValidRatio, type ReserveRatio } from './reserve-ratio';

/** The city's floors and defaults (domain §4: 1/3 of slots, 1/4 of beds, by default). */
export interface CityReserveRules {
  readonly slotFloor: ReserveRatio;
  readonly bedFloor: ReserveRatio;
  readonly releaseLeadHours: number;
}

export interface ReservePolicySnapshot {
  readonly institutionId: string;
  readonly groupId: string;
  readonly slotRatio: ReserveRatio;
  readonly bedRatio: ReserveRatio;
  readonly releaseLeadHours: number;
  readonly overrideReason: string;
  readonly overrideBy: string;
  readonly version: number;
  /** Null for the city's default, which no one has set for this hospital. */
  readonly updatedAt: Date | null;
}

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

const MAX_LEAD_HOURS = 7 * 24;

/**
 * A hospital's reserve rule. Its ratios may not go below the city's floor
 * unless a city operator records why (Guangzhou opens 20%, below the national
 * 1/3: a real city decision, so it is allowed but never silent).
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
      version: 0,
      updatedAt: null,
    });
  }

  static restore(snapshot: ReservePolicySnapshot): ReservePolicy {
    return new ReservePolicy(snapshot);
  }

  change(change: ReservePolicyChange, rules: CityReserveRules, now: Date): void {
    new FieldChecks()
      .check(
        'slotRatio',
        isValidRatio(change.slotRatio),
        'INVALID_RATIO',
        'must be n/d with 0 ≤ n ≤ d, d > 0',
      )
      .check('bedRatio', isValidRatio(change.bedRatio), 'INVALID_RATIO', 'must be n/d with 0 ≤ n ≤ d, d > 0')
      .check(
        'releaseLeadHours',
        Number.isInteger(change.releaseLeadHours) && change.releaseLeadHours <= MAX_LEAD_HOURS,
        'OUT_OF_RANGE',
        `must be at most ${MAX_LEAD_HOURS} hours`,
      )
      .throwIfAny();
    const reason = change.overrideReason.trim();
    const belowFloor: [string, ReserveRatio, ReserveRatio][] = (
      [
        ['slotRatio', change.slotRatio, rules.slotFloor],
        ['bedRatio', change.bedRatio, rules.bedFloor],
      ] as [string, ReserveRatio, ReserveRatio][]
    ).filter(([, value, floor]) => !atLeast(value, floor));
    if (belowFloor.length > 0 && !reason) {
      const [field, value, floor] = belowFloor[0]!;
      throw new SchedulingError(
        SchedulingErrorCode.RatioBelowFloor,
        `${formatRatio(value)} is below the city's floor of ${formatRatio(floor)}; a city operator must record an override reason`,
        field,
      );
    }
    if (reason && !change.actorMayOverride) {
      throw new SchedulingError(
        SchedulingErrorCode.OverrideNotAllowed,
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
      version: this.state.version + 1,
      updatedAt: now,
    };
  }

  snapshot(): ReservePolicySnapshot {
    return { ...this.state };
  }
}
