import { type Pool } from '../../booking/domain/pool';

/** The saga's state on scheduling's side, one per referral. */
export type SlotHoldRequestStatus = 'requested' | 'held' | 'waitlisted' | 'released' | 'no-session';

export interface SlotHoldRequestSnapshot {
  readonly id: string;
  readonly referralId: string;
  readonly groupId: string;
  readonly institutionId: string;
  /** The primary institution that sent the referral: it may follow the hold (empty on requests recorded before it was kept). */
  readonly referringInstitutionId: string;
  readonly status: SlotHoldRequestStatus;
  /** The referral event that caused the request (saga traceability). */
  readonly sourceEventId: string;
  readonly requestedAt: Date;
  readonly updatedAt: Date;
  readonly patientResidentId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly contractedPriority: boolean;
  readonly greenChannel: boolean;
  readonly pool: Pool | null;
  readonly bookingId: string;
  readonly waitlistEntryId: string;
  readonly sessionId: string;
  readonly version: number;
}

export type NewSlotHoldRequest = Pick<
  SlotHoldRequestSnapshot,
  | 'id'
  | 'referralId'
  | 'groupId'
  | 'institutionId'
  | 'referringInstitutionId'
  | 'sourceEventId'
  | 'patientResidentId'
  | 'departmentId'
  | 'specialtyCode'
  | 'contractedPriority'
  | 'greenChannel'
>;

/** The live slot a referral holds. */
export interface HeldSlot {
  readonly id: string;
  readonly pool: Pool;
  readonly sessionId: string;
}

/**
 * A referral's claim on a slot at the receiving hospital. Recorded when the
 * referral is submitted, acted on when it is accepted: the slot the referral
 * already holds (the referrer may book before the hospital accepts), else the
 * reserved pool first, then public, then the waitlist; released when the
 * referral is cancelled or expires, or when its slot ends. At most one live
 * slot per referral is also guarded by a unique index.
 */
export class SlotHoldRequest {
  private changed = false;

  private constructor(
    private state: SlotHoldRequestSnapshot,
    /** The version it was stored at when read (0 for a new request): what its update is checked against. */
    readonly readVersion: number,
  ) {}

  static request(input: NewSlotHoldRequest, now: Date): SlotHoldRequest {
    return new SlotHoldRequest(
      {
        ...input,
        status: 'requested',
        requestedAt: now,
        updatedAt: now,
        pool: null,
        bookingId: '',
        waitlistEntryId: '',
        sessionId: '',
        version: 1,
      },
      0,
    );
  }

  static restore(snapshot: SlotHoldRequestSnapshot): SlotHoldRequest {
    return new SlotHoldRequest(snapshot, snapshot.version);
  }

  /** Whether an accepted referral still needs a slot (a replayed acceptance finds it done). */
  get awaitingSlot(): boolean {
    return this.state.status === 'requested' || this.state.status === 'no-session';
  }

  get isLive(): boolean {
    return this.state.status === 'held' || this.state.status === 'waitlisted';
  }

  /** Whether the referral was cancelled or expired, or its slot ended: nothing may be held for it any more. */
  get isReleased(): boolean {
    return this.state.status === 'released';
  }

  held(booking: HeldSlot, now: Date): void {
    this.apply(
      {
        status: 'held',
        bookingId: booking.id,
        pool: booking.pool,
        sessionId: booking.sessionId,
        waitlistEntryId: '',
      },
      now,
    );
  }

  waitlisted(entry: { id: string; sessionId: string }, now: Date): void {
    this.apply({ status: 'waitlisted', waitlistEntryId: entry.id, sessionId: entry.sessionId }, now);
  }

  /**
   * The referral got a live slot outside the saga's own search: the referrer
   * booked it directly, or a waitlist place turned into a slot. Once accepted
   * (waiting on a waitlist or with no session found) that slot is the answer;
   * before acceptance nothing changes, because accepting adopts the referral's
   * live slot instead of searching. True when the hold changed.
   */
  slotTaken(booking: HeldSlot, now: Date): boolean {
    switch (this.state.status) {
      case 'waitlisted':
      case 'no-session':
        this.held(booking, now);
        return true;
      case 'requested':
      case 'held':
      case 'released':
        return false;
    }
  }

  noSession(now: Date): void {
    this.apply({ status: 'no-session' }, now);
  }

  released(now: Date): void {
    if (this.state.status === 'released') return;
    this.apply({ status: 'released' }, now);
  }

  snapshot(): SlotHoldRequestSnapshot {
    return { ...this.state };
  }

  /** True once after a change, so the caller saves and announces it once. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  private apply(patch: Partial<SlotHoldRequestSnapshot>, now: Date): void {
    this.state = { ...this.state, ...patch, updatedAt: now, version: this.state.version + 1 };
    this.changed = true;
  }
}
