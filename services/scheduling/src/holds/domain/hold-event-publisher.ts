import { type BookingSnapshot } from '../../booking/domain/booking';
import { type SessionView } from '../../schedules/domain/session';
import { type SlotHoldRequestSnapshot } from './slot-hold-request';

/** Port: records the referral saga's events (scheduling's side) in the current transaction's outbox. */
export abstract class HoldEventPublisher {
  abstract slotHoldRequested(request: SlotHoldRequestSnapshot): Promise<void>;
  /** The hold's new state, with the slot that answers it and that slot's session when it holds one. */
  abstract slotHoldChanged(
    request: SlotHoldRequestSnapshot,
    booking: BookingSnapshot | null,
    session: SessionView | null,
  ): Promise<void>;
}
