import { BookingError, BookingErrorCode } from './booking-error';
import { type Priority } from './pool';

export type WaitlistStatus = 'waiting' | 'offered' | 'withdrawn';

export interface WaitlistEntrySnapshot {
  readonly id: string;
  readonly sessionId: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly referralId: string;
  readonly requestedByInstitutionId: string;
  readonly mayTakeReserved: boolean;
  readonly priority: Priority;
  readonly status: WaitlistStatus;
  readonly bookingId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** A patient waiting for a full session; a freed slot is held for them automatically. */
export class WaitlistEntry {
  private changed: WaitlistEntrySnapshot[] = [];

  private constructor(private state: WaitlistEntrySnapshot) {}

  static join(
    input: Omit<WaitlistEntrySnapshot, 'status' | 'bookingId' | 'createdAt' | 'updatedAt' | 'version'>,
    now: Date,
  ): WaitlistEntry {
    const entry = new WaitlistEntry({
      ...input,
      status: 'waiting',
      bookingId: '',
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    entry.changed.push(entry.snapshot());
    return entry;
  }

  static restore(snapshot: WaitlistEntrySnapshot): WaitlistEntry {
    return new WaitlistEntry(snapshot);
  }

  offer(bookingId: string, now: Date): void {
    this.require('offer');
    this.apply({ status: 'offered', bookingId }, now);
  }

  withdraw(now: Date): void {
    this.require('withdraw');
    this.apply({ status: 'withdrawn' }, now);
  }

  snapshot(): WaitlistEntrySnapshot {
    return { ...this.state };
  }

  pullChanges(): WaitlistEntrySnapshot[] {
    const changed = this.changed;
    this.changed = [];
    return changed;
  }

  private require(action: string): void {
    if (this.state.status !== 'waiting') {
      throw new BookingError(
        BookingErrorCode.IllegalTransition,
        `cannot ${action} a waitlist entry that is ${this.state.status}`,
        'entryId',
      );
    }
  }

  private apply(patch: Partial<WaitlistEntrySnapshot>, now: Date): void {
    this.state = { ...this.state, ...patch, updatedAt: now, version: this.state.version + 1 };
    this.changed.push(this.snapshot());
  }
}
