/** Saga step state; the scheduling issue adds held, waitlisted, released. */
export type SlotHoldRequestStatus = 'requested';

export interface SlotHoldRequestSnapshot {
  readonly id: string;
  readonly referralId: string;
  readonly groupId: string;
  readonly institutionId: string;
  readonly status: SlotHoldRequestStatus;
  /** The referral event that caused the request (saga traceability). */
  readonly sourceEventId: string;
  readonly requestedAt: Date;
}

export interface SlotHoldRequestedDomainEvent {
  readonly kind: 'slot-hold-requested';
  readonly request: SlotHoldRequestSnapshot;
}

/**
 * A submitted referral's request to hold a slot at the receiving
 * institution. One per referral: a second request for the same referral is
 * the same request.
 */
export class SlotHoldRequest {
  private events: SlotHoldRequestedDomainEvent[] = [];

  private constructor(private readonly state: SlotHoldRequestSnapshot) {}

  static request(input: Omit<SlotHoldRequestSnapshot, 'status'>): SlotHoldRequest {
    const request = new SlotHoldRequest({ ...input, status: 'requested' });
    request.events.push({ kind: 'slot-hold-requested', request: request.snapshot() });
    return request;
  }

  static restore(snapshot: SlotHoldRequestSnapshot): SlotHoldRequest {
    return new SlotHoldRequest(snapshot);
  }

  snapshot(): SlotHoldRequestSnapshot {
    return { ...this.state };
  }

  pullEvents(): SlotHoldRequestedDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}
