import { FieldChecks } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { isValidRatio, type ReserveRatio } from './reserve-ratio';

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

export interface CityFloorChange {
  readonly slotFloor: ReserveRatio | undefined;
  readonly bedFloor: ReserveRatio | undefined;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly actor: string;
  readonly actorRole: string;
}

const MAX_REASON = 500;

/** A floor is a share above nothing and at most the whole: a floor of 0 would reserve nothing. */
const isFloor = (value: ReserveRatio | undefined): value is ReserveRatio =>
  value !== undefined && isValidRatio(value) && value.numerator > 0;

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

  /**
   * Records a new version. `today` is the local date of `now`: a change takes
   * effect today at the earliest, because the days before already ran (their
   * sessions were made and their reports read with the floor they had).
   */
  change(change: CityFloorChange, today: string, now: Date): CityFloorVersion {
    const checks = new FieldChecks()
      .check(
        'slotFloor',
        isFloor(change.slotFloor),
        'OUT_OF_RANGE',
        'must be a share n/d with 0 < n ≤ d (e.g. 1/3 or 1/5)',
      )
      .check(
        'bedFloor',
        isFloor(change.bedFloor),
        'OUT_OF_RANGE',
        'must be a share n/d with 0 < n ≤ d (e.g. 1/4)',
      )
      .required('reason', change.reason)
      .maxLength('reason', change.reason, MAX_REASON);
    if (!isLocalDate(change.effectiveFrom)) {
      checks.add('effectiveFrom', 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    } else {
      checks.check(
        'effectiveFrom',
        change.effectiveFrom >= today,
        'IN_THE_PAST',
        `must be today (${today}) or later: days already run keep their floor`,
      );
    }
    checks.throwIfAny();
    const version: CityFloorVersion = {
      cityId: this.cityId,
      version: (this.versions.at(-1)?.version ?? 0) + 1,
      slotFloor: change.slotFloor!,
      bedFloor: change.bedFloor!,
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
