import { FieldChecks } from '@medgrid/errors';
import { type Pool } from '../../booking/domain/pool';
import { reservedShare, type ReserveRatio } from '../../capacity/domain/reserve-ratio';

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

/** A ward's beds split by the hospital's bed ratio, the reserved share rounded up. */
export function planWard(input: Omit<WardSnapshot, 'reservedBeds'>, bedRatio: ReserveRatio): WardSnapshot {
  new FieldChecks()
    .required('name', input.name)
    .maxLength('name', input.name, 100)
    .check(
      'bedCount',
      Number.isInteger(input.bedCount) && input.bedCount >= 1 && input.bedCount <= MAX_WARD_BEDS,
      'OUT_OF_RANGE',
      `must be 1 to ${MAX_WARD_BEDS}`,
    )
    .throwIfAny();
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
