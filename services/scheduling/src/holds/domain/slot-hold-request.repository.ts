import { type SlotHoldRequest, type SlotHoldRequestedDomainEvent } from './slot-hold-request';

/** Persistence port of slot hold requests. */
export interface SlotHoldRequestRepository {
  /** Inserts unless the referral already has a request; returns false when it had one. */
  insertIfAbsent(request: SlotHoldRequest): Promise<boolean>;
  findByReferral(referralId: string): Promise<SlotHoldRequest | null>;
}

export const SLOT_HOLD_REQUEST_REPOSITORY = Symbol('SLOT_HOLD_REQUEST_REPOSITORY');

/** Port: records domain events in the current transaction's outbox. */
export interface SlotHoldEventPublisher {
  publish(events: readonly SlotHoldRequestedDomainEvent[]): Promise<void>;
}

export const SLOT_HOLD_EVENT_PUBLISHER = Symbol('SLOT_HOLD_EVENT_PUBLISHER');
