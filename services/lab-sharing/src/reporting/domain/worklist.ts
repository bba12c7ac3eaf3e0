import { urgencyRank } from '../../common/urgency';
import { type ReportSnapshot } from './report';

export interface WorklistEntry {
  readonly report: ReportSnapshot;
  readonly overdue: boolean;
  /** Claimed and not idle: another reporter cannot take it now. */
  readonly taken: boolean;
}

/** Emergency before urgent before routine; within an urgency the longest waiting first; then by id, so the order is total. */
export function worklistOrder(a: ReportSnapshot, b: ReportSnapshot): number {
  return (
    urgencyRank(a.urgency) - urgencyRank(b.urgency) ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

/**
 * A centre's worklist at `now`: the reports still to sign (waiting or claimed), in worklist order, each marked
 * overdue once past its due time and taken while a claim on it is not idle.
 */
export function worklist(reports: readonly ReportSnapshot[], now: Date, idleMs: number): WorklistEntry[] {
  return reports
    .filter((r) => r.status === 'waiting' || r.status === 'in-progress')
    .sort(worklistOrder)
    .map((report) => ({
      report,
      overdue: now.getTime() >= report.dueAt.getTime(),
      taken: report.claim !== null && now.getTime() - report.claim.lastActivityAt.getTime() < idleMs,
    }));
}
