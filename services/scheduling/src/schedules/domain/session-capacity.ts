import { reservedShare, type ReserveRatio } from '../../capacity/domain/reserve-ratio';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';

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
 * The split after a capacity change. Taken slots are never removed; the
 * reserved pool keeps its share when the taken slots allow it, and a session
 * whose reserve was already released keeps no new reserve.
 */
export function resizedSplit(
  current: PoolCounts,
  capacity: number,
  share: ReserveRatio,
  reserveReleased: boolean,
): { reserved: number; public: number } {
  const taken = current.takenReserved + current.takenPublic;
  if (!Number.isInteger(capacity) || capacity < taken) {
    throw new SchedulingError(
      SchedulingErrorCode.CapacityBelowTaken,
      `must be at least the ${taken} slots already taken`,
      'capacity',
    );
  }
  const target = reserveReleased ? current.takenReserved : reservedShare(capacity, share);
  const reserved = Math.min(Math.max(target, current.takenReserved), capacity - current.takenPublic);
  return { reserved, public: capacity - reserved };
}
