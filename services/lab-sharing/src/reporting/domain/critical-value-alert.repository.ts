import { type CriticalValueAlertSnapshot, type CriticalValueStatus } from './critical-value';

/** The last alert of a page, newest first. */
export interface AlertCursor {
  readonly raisedAt: Date;
  readonly id: string;
}

/** Critical values not acknowledged yet, per ordering institution and centre: the gauge. */
export interface UnacknowledgedCount {
  readonly orderingInstitutionId: string;
  readonly centreId: string;
  readonly status: 'raised' | 'escalated';
  readonly count: number;
}

/** Persistence port of critical-value alerts (all SQL in the adapter). */
export abstract class CriticalValueAlertRepository {
  abstract insert(alert: CriticalValueAlertSnapshot): Promise<void>;
  abstract find(id: string, lock: boolean): Promise<CriticalValueAlertSnapshot | null>;
  /** Stores a changed alert if it is still at `readVersion` (else VERSION_CONFLICT). */
  abstract update(alert: CriticalValueAlertSnapshot, readVersion: number): Promise<void>;
  /** Raised alerts past their acknowledgement time, locked, skipping those another transaction holds. */
  abstract lockDue(now: Date, limit: number): Promise<CriticalValueAlertSnapshot[]>;
  /** A page of an ordering institution's alerts, newest first. */
  abstract list(q: {
    orderingInstitutionId: string;
    status: CriticalValueStatus | undefined;
    after: AlertCursor | null;
    limit: number;
  }): Promise<CriticalValueAlertSnapshot[]>;
  abstract unacknowledged(): Promise<UnacknowledgedCount[]>;
}
