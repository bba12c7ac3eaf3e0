import { type schedulingModelV1 as m } from '@medgrid/contracts';
import { type CityFloorVersion } from '../domain/city-reserve-floor';
import { type ReservePolicySnapshot } from '../domain/reserve-policy';
import { type ReserveRatio } from '../domain/reserve-ratio';

export const ratioToProto = (r: ReserveRatio): m.ReserveRatio => ({ ...r });

export function policyToProto(p: ReservePolicySnapshot): m.ReservePolicy {
  return {
    institutionId: p.institutionId,
    groupId: p.groupId,
    slotRatio: ratioToProto(p.slotRatio),
    bedRatio: ratioToProto(p.bedRatio),
    releaseLeadHours: p.releaseLeadHours,
    overrideReason: p.overrideReason,
    overrideBy: p.overrideBy,
    version: p.version,
    updatedAt: p.updatedAt ?? undefined,
    slotOverride: p.slotOverride,
    bedOverride: p.bedOverride,
  };
}

export function cityFloorToProto(v: CityFloorVersion): m.CityReserveFloor {
  return {
    cityId: v.cityId,
    version: v.version,
    slotFloor: ratioToProto(v.slotFloor),
    bedFloor: ratioToProto(v.bedFloor),
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    setBy: v.setBy,
    setByRole: v.setByRole,
    setAt: v.setAt,
  };
}
