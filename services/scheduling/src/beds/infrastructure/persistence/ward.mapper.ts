import { type BedPlan, type WardSnapshot, type WardView } from '../../domain/ward';
import { type BedOrmEntity } from './bed.orm-entity';
import { type WardOrmEntity } from './ward.orm-entity';

/** A bed as it is made: free. */
export type NewBedRow = Omit<BedOrmEntity, 'ward'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function wardToEntity(s: WardSnapshot): WardOrmEntity {
  return {
    id: s.id,
    institutionId: s.institutionId,
    groupId: s.groupId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    name: s.name,
    bedCount: s.bedCount,
    reservedBeds: s.reservedBeds,
  };
}

export function wardViewFromEntity(e: WardOrmEntity, free: { reserved: number; public: number }): WardView {
  return {
    id: e.id,
    institutionId: e.institutionId,
    groupId: e.groupId,
    departmentId: e.departmentId,
    specialtyCode: e.specialtyCode,
    name: e.name,
    bedCount: e.bedCount,
    reservedBeds: e.reservedBeds,
    freeReserved: free.reserved,
    freePublic: free.public,
  };
}

export function bedToEntity(wardId: string, plan: BedPlan): NewBedRow {
  return {
    wardId,
    bedCode: plan.bedCode,
    sortOrder: plan.sortOrder,
    pool: plan.pool,
    admissionId: null,
  };
}
