import { type SlotHoldRequest } from './slot-hold-request';

/** slot_hold_request: the saga's state, one row per referral. */
export abstract class SlotHoldRequestRepository {
  /** Inserts unless the referral already has a request; true when inserted. */
  abstract insertIfAbsent(request: SlotHoldRequest): Promise<boolean>;
  abstract findByReferral(referralId: string, lock: boolean): Promise<SlotHoldRequest | null>;
  /** Stores a changed request if it is still at `readVersion`, the version read (else VERSION_CONFLICT). */
  abstract update(request: SlotHoldRequest, readVersion: number): Promise<void>;
  /** What scheduling knows of a referral to a hospital (its patient may take a reserved slot there). */
  abstract knownReferral(referralId: string): Promise<{
    /** Cancelled or expired, or its slot ended: nothing may be held for it any more. */
    released: boolean;
    institutionId: string;
    patientResidentId: string;
    contractedPriority: boolean;
    greenChannel: boolean;
  } | null>;
}
