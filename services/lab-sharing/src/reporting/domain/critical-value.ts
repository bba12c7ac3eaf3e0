import { ReportingError, ReportingErrorCode } from './reporting-error';

const MINUTE_MS = 60_000;

/** Minutes a clinician of the ordering site has to acknowledge a critical value before it escalates (default). */
export const DEFAULT_CRITICAL_ACK_MINUTES = 15;

/** A clinician acknowledging: the practitioner and the institution they act for. */
export interface Acknowledger {
  readonly practitionerId: string | null;
  readonly institutionId: string | null;
}

/**
 * - `raised`: the ordering site was told and has not acknowledged yet.
 * - `escalated`: not acknowledged in time; escalated (event, metric). It can still be acknowledged.
 * - `acknowledged`: a clinician of the ordering site took it, on time or late.
 */
export type CriticalValueStatus = 'raised' | 'escalated' | 'acknowledged';

export interface CriticalValueAlertSnapshot {
  readonly id: string;
  readonly reportId: string;
  /** The report version that carried the critical value. */
  readonly reportVersion: number;
  readonly orderId: string;
  readonly groupId: string;
  readonly centreId: string;
  readonly orderingInstitutionId: string;
  readonly patientResidentId: string;
  readonly note: string;
  readonly raisedAt: Date;
  readonly acknowledgeBy: Date;
  readonly status: CriticalValueStatus;
  readonly escalatedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  readonly version: number;
}

export type CriticalValueChange = 'raised' | 'escalated' | 'acknowledged';

export interface CriticalValueChanged {
  readonly change: CriticalValueChange;
  readonly alert: CriticalValueAlertSnapshot;
}

/**
 * A critical value (危急值) of a signed report: the ordering site is told at once, and a clinician there must
 * acknowledge it within the acknowledgement time (DEFAULT_CRITICAL_ACK_MINUTES unless configured); otherwise it
 * escalates, once. The acknowledgement records who and when, and whether it came after the escalation.
 */
export class CriticalValueAlert {
  private events: CriticalValueChanged[] = [];

  private constructor(private state: CriticalValueAlertSnapshot) {}

  static raise(
    input: Omit<
      CriticalValueAlertSnapshot,
      | 'raisedAt'
      | 'acknowledgeBy'
      | 'status'
      | 'escalatedAt'
      | 'acknowledgedAt'
      | 'acknowledgedBy'
      | 'version'
    >,
    acknowledgeWithinMinutes: number,
    now: Date,
  ): CriticalValueAlert {
    const alert = new CriticalValueAlert({
      ...input,
      raisedAt: now,
      acknowledgeBy: new Date(now.getTime() + acknowledgeWithinMinutes * MINUTE_MS),
      status: 'raised',
      escalatedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      version: 1,
    });
    alert.record('raised');
    return alert;
  }

  static restore(snapshot: CriticalValueAlertSnapshot): CriticalValueAlert {
    return new CriticalValueAlert(snapshot);
  }

  get status(): CriticalValueStatus {
    return this.state.status;
  }

  acknowledge(by: Acknowledger, now: Date): void {
    if (by.institutionId !== this.state.orderingInstitutionId) {
      throw new ReportingError(
        ReportingErrorCode.NotTheOrderingInstitution,
        'a critical value is acknowledged by a clinician of the institution that ordered the exam',
      );
    }
    if (by.practitionerId === null) {
      throw new ReportingError(
        ReportingErrorCode.ClinicianRequired,
        'a critical value is acknowledged by a clinician: the call must name the practitioner',
      );
    }
    if (this.state.status === 'acknowledged') {
      throw new ReportingError(
        ReportingErrorCode.AlreadyAcknowledged,
        `acknowledged at ${this.state.acknowledgedAt?.toISOString()} already`,
      );
    }
    this.state = {
      ...this.state,
      status: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedBy: by.practitionerId,
      version: this.state.version + 1,
    };
    this.record('acknowledged');
  }

  /** Escalates a value still unacknowledged at its deadline; true when it did. */
  escalateIfDue(now: Date): boolean {
    if (this.state.status !== 'raised' || now.getTime() < this.state.acknowledgeBy.getTime()) return false;
    this.state = { ...this.state, status: 'escalated', escalatedAt: now, version: this.state.version + 1 };
    this.record('escalated');
    return true;
  }

  /** Acknowledged after its deadline (or not at all by `now`). */
  isLate(now: Date): boolean {
    const at = this.state.acknowledgedAt ?? now;
    return at.getTime() > this.state.acknowledgeBy.getTime();
  }

  snapshot(): CriticalValueAlertSnapshot {
    return { ...this.state };
  }

  pullEvents(): CriticalValueChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(change: CriticalValueChange): void {
    this.events.push({ change, alert: this.snapshot() });
  }
}
