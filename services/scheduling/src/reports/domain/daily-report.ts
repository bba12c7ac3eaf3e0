import { basisPointsOf, toBasisPoints, type ReserveRatio } from '../../capacity/domain/reserve-ratio';

export interface SlotFigures {
  readonly sessions: number;
  readonly offered: number;
  readonly reservedOffered: number;
  readonly reservedUsed: number;
  readonly reservedReleased: number;
  readonly reservedEmpty: number;
  readonly publicUsed: number;
}

export interface BedFigures {
  readonly beds: number;
  readonly reservedBeds: number;
  readonly reservedOccupied: number;
  readonly publicOccupied: number;
  readonly referralAdmissions: number;
}

export interface RatioAgainstTarget {
  readonly ratioBp: number;
  readonly targetBp: number;
  readonly met: boolean;
}

/**
 * The real share sent down against the hospital's target. Met means the
 * reserved count reaches the exact fraction, not its rounded basis points.
 */
export function againstTarget(part: number, whole: number, target: ReserveRatio): RatioAgainstTarget {
  return {
    ratioBp: basisPointsOf(part, whole),
    targetBp: toBasisPoints(target),
    met: whole === 0 || part * target.denominator >= whole * target.numerator,
  };
}
