import { type ReferralDirection } from './referral-direction';
import { ReferralError, ReferralErrorCode } from './referral-error';
import { type ReferralDomainEvent } from './referral-events';
import { type ReferralStatus } from './referral-status';

export interface ReferralSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly clientRequestId: string;
  readonly patientResidentId: string;
  readonly referringInstitutionId: string;
  readonly receivingInstitutionId: string;
  readonly direction: ReferralDirection;
  readonly status: ReferralStatus;
  readonly icd10Code: string;
  readonly reason: string;
  readonly createdAt: Date;
  readonly version: number;
}

export type SubmitReferral = Omit<ReferralSnapshot, 'status' | 'createdAt' | 'version'>;

/**
 * A referral of one resident between two institutions of a group. Intent
 * methods enforce the rules and record domain events; persistence reads the
 * snapshot.
 */
export class Referral {
  private events: ReferralDomainEvent[] = [];

  private constructor(private state: ReferralSnapshot) {}

  static submit(input: SubmitReferral, now: Date): Referral {
    if (input.referringInstitutionId === input.receivingInstitutionId) {
      throw new ReferralError(
        ReferralErrorCode.SameInstitution,
        'an institution cannot refer a patient to itself',
        'receivingInstitutionId',
      );
    }
    const referral = new Referral({ ...input, status: 'submitted', createdAt: now, version: 1 });
    referral.events.push({ kind: 'referral-submitted', referral: referral.snapshot(), occurredAt: now });
    return referral;
  }

  static restore(snapshot: ReferralSnapshot): Referral {
    return new Referral(snapshot);
  }

  snapshot(): ReferralSnapshot {
    return { ...this.state };
  }

  get id(): string {
    return this.state.id;
  }

  /** Events recorded since the last pull, oldest first. */
  pullEvents(): ReferralDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Institutions on either end of the referral. */
  involves(institutionId: string): boolean {
    return (
      this.state.referringInstitutionId === institutionId ||
      this.state.receivingInstitutionId === institutionId
    );
  }
}
