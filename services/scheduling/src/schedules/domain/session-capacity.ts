import { formatRatio, reservedShare, type ReserveRatio } from '../../capacity/domain/reserve-ratio';
import { ScheduleError, ScheduleErrorCode } from './schedule-error';
import { MAX_SESSION_CAPACITY } from './schedule-template';

/** Slots of a session per pool: how many there are and how many are taken. */
export interface PoolCounts {
  readonly reserved: number;
  readonly public: number;
  readonly takenReserved: number;
  readonly takenPublic: number;
}

/** A new session's split: the reserved share rounded up (never below the ratio). */
export function initialSplit(capacity: number, share: ReserveRatio): { reserved: number; public: number } {
  const reserved = reservedShare(capacity, share);
  return { reserved, public: capacity - reserved };
}

/**
 * The split after a capacity change. Taken slots are never removed, and the
 * reserved pool keeps at least the hospital's share; a resize that cannot
 * keep it beside the public slots already taken is refused, naming the
 * smallest capacity that can. A session whose reserve was already released
 * keeps no new reserve.
 */
export function resizedSplit(
  current: PoolCounts,
  capacity: number,
  share: ReserveRatio,
  reserveReleased: boolean,
): { reserved: number; public: number } {
  const taken = current.takenReserved + current.takenPublic;
  if (!Number.isInteger(capacity) || capacity < taken) {
    throw new ScheduleError(
      ScheduleErrorCode.CapacityBelowTaken,
      `must be at least the ${taken} slots already taken`,
      'capacity',
    );
  }
  const reserved = reserveReleased ? current.takenReserved : reservedFor(capacity, current, share);
  if (capacity - reserved < current.takenPublic) {
    const enough = smallestCapacityKeeping(current, share, capacity);
    throw new ScheduleError(
      ScheduleErrorCode.ReserveBelowRatio,
      `must keep ${formatRatio(share)} of the slots reserved beside the ${current.takenPublic} public slots taken: ` +
        (enough === null ? 'no capacity can' : `at least ${enough}`),
      'capacity',
    );
  }
  return { reserved, public: capacity - reserved };
}

/**
 * How many of the session's slots stand as "offered in the reserved pool" after
 * a resize: the new reserved pool, or, once the reserve was released, what was
 * offered before (never more than the session now has).
 */
export function reservedOfferedAfterResize(
  before: number,
  split: { reserved: number; public: number },
  reserveReleased: boolean,
): number {
  return reserveReleased ? Math.min(before, split.reserved + split.public) : split.reserved;
}

const reservedFor = (capacity: number, current: PoolCounts, share: ReserveRatio) =>
  Math.max(reservedShare(capacity, share), current.takenReserved);

function smallestCapacityKeeping(current: PoolCounts, share: ReserveRatio, above: number): number | null {
  for (let capacity = above + 1; capacity <= MAX_SESSION_CAPACITY; capacity++) {
    if (capacity - reservedFor(capacity, current, share) >= current.takenPublic) return capacity;
  }
  return null;
}
