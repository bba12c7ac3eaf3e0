import { type ReservePolicySnapshot } from '../../domain/reserve-policy';
import { type ReservePolicyOrmEntity } from './reserve-policy.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function reservePolicyToEntity(s: ReservePolicySnapshot): ReservePolicyOrmEntity {
  if (s.updatedAt === null) {
    // Only the city's default has no time, and it is never stored: a policy is stored once set.
    throw new Error(`the reserve policy of ${s.institutionId} was never set: nothing to store`);
  }
  return {
    institutionId: s.institutionId,
    groupId: s.groupId,
    slotNumerator: s.slotRatio.numerator,
    slotDenominator: s.slotRatio.denominator,
    bedNumerator: s.bedRatio.numerator,
    bedDenominator: s.bedRatio.denominator,
    releaseLeadHours: s.releaseLeadHours,
    overrideReason: s.overrideReason,
    overrideBy: s.overrideBy,
    slotOverride: s.slotOverride,
    bedOverride: s.bedOverride,
    version: s.version,
    updatedAt: s.updatedAt,
  };
}

export function reservePolicyFromEntity(e: ReservePolicyOrmEntity): ReservePolicySnapshot {
  return {
    institutionId: e.institutionId,
    groupId: e.groupId,
    slotRatio: { numerator: e.slotNumerator, denominator: e.slotDenominator },
    bedRatio: { numerator: e.bedNumerator, denominator: e.bedDenominator },
    releaseLeadHours: e.releaseLeadHours,
    overrideReason: e.overrideReason,
    overrideBy: e.overrideBy,
    slotOverride: e.slotOverride,
    bedOverride: e.bedOverride,
    version: e.version,
    updatedAt: e.updatedAt,
  };
}
