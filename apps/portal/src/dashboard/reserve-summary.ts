import { pooledShare, targetStatus, type TargetStatus } from '../indicators/reserve-ratio';
import { type HospitalDay } from './load-scope';

export interface ReserveSummary {
  reserved: number;
  whole: number;
  used: number;
  actualBp: number | null;
  targetBp: number | null;
  status: TargetStatus;
}

/** Reserved slots offered and used against the target, pooled over the scope's hospitals for the day. */
export function slotSummary(days: readonly HospitalDay[]): ReserveSummary {
  const parts = days.map(({ report }) => ({
    part: report?.slots?.reservedOffered ?? 0,
    whole: report?.slots?.offered ?? 0,
    targetBp: report?.slots?.targetRatioBp ?? 0,
  }));
  const pooled = pooledShare(parts);
  const used = days.reduce((sum, { report }) => sum + (report?.slots?.reservedUsed ?? 0), 0);
  return summary(pooled, used);
}

/** Reserved beds and their occupancy against the target, pooled the same way. */
export function bedSummary(days: readonly HospitalDay[]): ReserveSummary {
  const parts = days.map(({ report }) => ({
    part: report?.beds?.reservedBeds ?? 0,
    whole: report?.beds?.beds ?? 0,
    targetBp: report?.beds?.targetRatioBp ?? 0,
  }));
  const pooled = pooledShare(parts);
  const used = days.reduce((sum, { report }) => sum + (report?.beds?.reservedOccupied ?? 0), 0);
  return summary(pooled, used);
}

function summary(pooled: ReturnType<typeof pooledShare>, used: number): ReserveSummary {
  return {
    reserved: pooled.part,
    whole: pooled.whole,
    used,
    actualBp: pooled.actualBp,
    targetBp: pooled.targetBp,
    status: targetStatus(pooled.actualBp, pooled.targetBp, pooled.whole),
  };
}
