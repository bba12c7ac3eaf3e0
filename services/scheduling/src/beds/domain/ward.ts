import { type Pool } from '../../booking/domain/pool';
import { reservedShare, type ReserveRatio } from '../../capacity/domain/reserve-ratio';

/** A ward above this size is a typing error, not a ward. */
export const MAX_WARD_BEDS = 500;

export interface WardSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly name: string;
  readonly bedCount: number;
  readonly reservedBeds: number;
}

export interface WardView extends WardSnapshot {
  readonly freeReserved: number;
  readonly freePublic: number;
}

/**
 * A ward's beds split by the hospital's bed ratio, the reserved share rounded up. Its name and bed
 * count come from the request, which RegisterWardCommand refuses with a blank name or a bed count outside 1 to MAX_WARD_BEDS.
 */
export function planWard(input: Omit<WardSnapshot, 'reservedBeds'>, bedRatio: ReserveRatio): WardSnapshot {
  return { ...input, name: input.name.trim(), reservedBeds: reservedShare(input.bedCount, bedRatio) };
}

export interface BedPlan {
  readonly bedCode: string;
  readonly sortOrder: number;
  readonly pool: Pool;
}

/** Beds numbered "1" to bedCount; the first reservedBeds of them form the reserved pool. */
export function planBeds(ward: Pick<WardSnapshot, 'bedCount' | 'reservedBeds'>): BedPlan[] {
  return Array.from({ length: ward.bedCount }, (_, i) => ({
    bedCode: String(i + 1),
    sortOrder: i + 1,
    pool: i < ward.reservedBeds ? 'reserved' : 'public',
  }));
}
