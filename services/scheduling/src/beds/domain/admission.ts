import { type Pool, type Priority } from '../../booking/domain/pool';
import { BedError, BedErrorCode } from './bed-error';

export type AdmissionStatus = 'requested' | 'admitted' | 'discharged' | 'cancelled';
export type AdmissionChange = 'requested' | 'bed-assigned' | 'discharged' | 'cancelled';

export interface AdmissionSnapshot {
  readonly id: string;
  readonly wardId: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly referralId: string;
  readonly requestedByInstitutionId: string;
  readonly priority: Priority;
  /** Place in the ward's queue: see queueRankOf. */
  readonly queueRank: number;
  readonly status: AdmissionStatus;
  readonly bedCode: string;
  readonly pool: Pool | null;
  readonly requestedAt: Date;
  readonly admittedAt: Date | null;
  readonly dischargedAt: Date | null;
  readonly cancelReason: string;
  readonly version: number;
}

export interface AdmissionChangedDomainEvent {
  readonly change: AdmissionChange;
  readonly admission: AdmissionSnapshot;
}

/**
 * The order a ward's waiting admissions are served in (lower first, then by
 * request time): the green channel, then contracted residents (一免三优先
 * includes priority admission), then other referrals from primary care, then
 * the rest.
 */
export function queueRankOf(priority: Priority, referralId: string): number {
  if (priority.greenChannel) return 0;
  if (priority.contractedResident) return 1;
  return referralId ? 2 : 3;
}

/**
 * A request to admit a patient, then the bed they occupy. Referred patients
 * may take the reserved beds (at least 1/4 by default) and are admitted first.
 */
export class Admission {
  private events: AdmissionChangedDomainEvent[] = [];

  private constructor(private state: AdmissionSnapshot) {}

  static request(
    input: Omit<
      AdmissionSnapshot,
      | 'status'
      | 'bedCode'
      | 'pool'
      | 'admittedAt'
      | 'dischargedAt'
      | 'cancelReason'
      | 'version'
      | 'requestedAt'
      | 'queueRank'
    >,
    now: Date,
  ): Admission {
    const admission = new Admission({
      ...input,
      queueRank: queueRankOf(input.priority, input.referralId),
      status: 'requested',
      bedCode: '',
      pool: null,
      requestedAt: now,
      admittedAt: null,
      dischargedAt: null,
      cancelReason: '',
      version: 1,
    });
    admission.events.push({ change: 'requested', admission: admission.snapshot() });
    return admission;
  }

  static restore(snapshot: AdmissionSnapshot): Admission {
    return new Admission(snapshot);
  }

  get mayTakeReserved(): boolean {
    return this.state.referralId !== '';
  }

  assignBed(bedCode: string, pool: Pool, now: Date): void {
    this.require('requested', 'assign a bed to');
    this.apply({ status: 'admitted', bedCode, pool, admittedAt: now }, 'bed-assigned');
  }

  discharge(now: Date): void {
    this.require('admitted', 'discharge');
    this.apply({ status: 'discharged', dischargedAt: now }, 'discharged');
  }

  cancel(reason: string): void {
    this.require('requested', 'cancel');
    this.apply({ status: 'cancelled', cancelReason: reason }, 'cancelled');
  }

  snapshot(): AdmissionSnapshot {
    return { ...this.state };
  }

  pullEvents(): AdmissionChangedDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private require(status: AdmissionStatus, action: string): void {
    if (this.state.status !== status) {
      throw new BedError(
        BedErrorCode.IllegalTransition,
        `cannot ${action} an admission that is ${this.state.status}`,
        'admissionId',
      );
    }
  }

  private apply(patch: Partial<AdmissionSnapshot>, change: AdmissionChange): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    this.events.push({ change, admission: this.snapshot() });
  }
}
