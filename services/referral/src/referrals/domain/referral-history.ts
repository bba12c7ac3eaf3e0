import { type ReferralActor } from './referral-actor';
import { type LifecycleAction } from './referral-lifecycle';
import { type ReferralStatus } from './referral-status';

/** Lifecycle transitions, the first draft, and notes that change no state. */
export type ReferralAction = LifecycleAction | 'draft' | 'issue' | 'waitlist' | 'no-slot' | 'breach-deadline';

/** One line of a referral's history: who did what, when, from which institution. */
export interface ReferralHistoryEntry {
  /** Service-wide order, set by the database (0 until stored). */
  readonly seq: number;
  readonly referralId: string;
  readonly action: ReferralAction;
  readonly from: ReferralStatus | null;
  readonly to: ReferralStatus;
  readonly actor: ReferralActor;
  readonly occurredAt: Date;
  readonly note: string;
  /** The caller's request id, so a retried step is recognised; null for the service's own steps. */
  readonly clientRequestId: string | null;
}
