import { type ClaimChange } from './claim-record';
import { type StoredClaim } from './claim.repository';

/** Port: records the claims context's events in the current transaction's outbox. */
export abstract class ClaimEventPublisher {
  /** A claim's newest version was adjudicated: received (version 1) or corrected. */
  abstract claimAdjudicated(claim: StoredClaim, change: ClaimChange, at: Date): Promise<void>;
}
