import { type ReportSnapshot } from './report';

/** The last report of a worklist page: urgency rank, arrival, id. */
export interface WorklistCursor {
  readonly urgencyRank: number;
  readonly receivedAt: Date;
  readonly id: string;
}

/** Reports still to sign past their due time, per centre: the overdue worklist gauge. */
export interface OverdueCount {
  readonly centreId: string;
  readonly groupId: string;
  readonly overdue: number;
}

/** Persistence port of the report aggregate: the report and every signed version (all SQL in the adapter). */
export abstract class ReportRepository {
  abstract insert(report: ReportSnapshot): Promise<void>;
  /** The report with its versions, locked for the current transaction when `lock`. */
  abstract find(id: string, lock: boolean): Promise<ReportSnapshot | null>;
  /** The report of an order, locked when `lock`; null when the order has none (not performed yet). */
  abstract findByOrder(orderId: string, lock: boolean): Promise<ReportSnapshot | null>;
  /**
   * Stores a changed report if it is still at `readVersion` (else VERSION_CONFLICT); signed versions are
   * added, never rewritten.
   */
  abstract update(report: ReportSnapshot, readVersion: number): Promise<void>;
  /** A page of a centre's worklist (waiting or claimed), emergency first, then the longest waiting. */
  abstract worklist(centreId: string, after: WorklistCursor | null, limit: number): Promise<ReportSnapshot[]>;
  /** Claimed reports idle since `idleSince` or longer, locked, skipping those another transaction holds. */
  abstract lockIdleClaims(idleSince: Date, limit: number): Promise<ReportSnapshot[]>;
  /** Reports still to sign whose due time has passed at `now`, per centre. */
  abstract overdueByCentre(now: Date): Promise<OverdueCount[]>;
}
