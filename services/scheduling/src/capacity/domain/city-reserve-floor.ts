import { type Refusal } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { isValidRatio, MAX_RATIO_DENOMINATOR, type ReserveRatio } from './reserve-ratio';

/** The least share of a hospital's capacity kept for primary care. */
export interface ReserveFloors {
  readonly slotFloor: ReserveRatio;
  readonly bedFloor: ReserveRatio;
}

/** One version of a city's floor rule: from `effectiveFrom` (a local date in Asia/Shanghai) on. */
export interface CityFloorVersion extends ReserveFloors {
  readonly cityId: string;
  /** 1 for the city's first rule, then one more per change. */
  readonly version: number;
  readonly effectiveFrom: string;
  /** Why the city set it (the audit trail: who, what, when, why). */
  readonly reason: string;
  readonly setBy: string;
  readonly setByRole: string;
  readonly setAt: Date;
}

/** A change as the request asked it, its fields already judged by floorProblems and effectiveFromProblems. */
export interface CityFloorChange {
  readonly slotFloor: ReserveRatio;
  readonly bedFloor: ReserveRatio;
  readonly effectiveFrom: string;
  /** Trimmed. */
  readonly reason: string;
  readonly actor: string;
  readonly actorRole: string;
}

/** The longest reason a city may give for a change. */
export const MAX_FLOOR_REASON = 500;

/**
 * What is wrong with a floor, none when it is one: a share above nothing and at most the whole (a
 * floor of 0 would reserve nothing). `examples` are fitting shares, for the description.
 */
export function floorProblems(value: ReserveRatio | undefined, examples: string): Refusal[] {
  return value !== undefined && isValidRatio(value) && value.numerator > 0
    ? []
    : [
        {
          reason: 'OUT_OF_RANGE',
          description: `must be a share n/d with 0 < n ≤ d ≤ ${MAX_RATIO_DENOMINATOR} (e.g. ${examples})`,
        },
      ];
}

/**
 * What is wrong with the local date a change takes effect from, asked on local date `today`: a
 * change takes effect today at the earliest, because the days before already ran (their sessions
 * were made and their reports read with the floor they had).
 */
export function effectiveFromProblems(effectiveFrom: string, today: string): Refusal[] {
  if (!isLocalDate(effectiveFrom))
    return [{ reason: 'INVALID_FORMAT', description: 'must be a date YYYY-MM-DD' }];
  return effectiveFrom >= today
    ? []
    : [
        {
          reason: 'IN_THE_PAST',
          description: `must be today (${today}) or later: days already run keep their floor`,
        },
      ];
}

/**
 * A city's reserve floor over time. Each change is a new version that takes
 * effect from a local date; nothing is ever rewritten, so the history is the
 * audit trail and a past day keeps the floor it had. On a date the version in
 * force is the one with the latest effective date not after it; of two
 * versions with the same effective date, the later one (a correction of a
 * change not yet in force) wins. A city without a version in force on a date
 * has the deployment's default floor.
 */
export class CityReserveFloor {
  private constructor(
    readonly cityId: string,
    private readonly versions: CityFloorVersion[],
  ) {}

  static restore(cityId: string, versions: readonly CityFloorVersion[]): CityReserveFloor {
    return new CityReserveFloor(
      cityId,
      [...versions].sort((a, b) => a.version - b.version),
    );
  }

  /** The version in force on the local date, or null when the deployment default applies. */
  inForceOn(date: string): CityFloorVersion | null {
    let found: CityFloorVersion | null = null;
    for (const version of this.versions) {
      if (version.effectiveFrom > date) continue;
      if (!found || version.effectiveFrom >= found.effectiveFrom) found = version;
    }
    return found;
  }

  floorsOn(date: string, deploymentDefault: ReserveFloors): ReserveFloors {
    const version = this.inForceOn(date);
    return version ? { slotFloor: version.slotFloor, bedFloor: version.bedFloor } : deploymentDefault;
  }

  /** Every version, the newest first. */
  history(): CityFloorVersion[] {
    return [...this.versions].reverse();
  }

  /** Records a new version, to take effect from the change's date (today at the earliest). */
  change(change: CityFloorChange, now: Date): CityFloorVersion {
    const version: CityFloorVersion = {
      cityId: this.cityId,
      version: (this.versions.at(-1)?.version ?? 0) + 1,
      slotFloor: change.slotFloor,
      bedFloor: change.bedFloor,
      effectiveFrom: change.effectiveFrom,
      reason: change.reason.trim(),
      setBy: change.actor,
      setByRole: change.actorRole,
      setAt: now,
    };
    this.versions.push(version);
    return version;
  }
}
