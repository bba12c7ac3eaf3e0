import { type ReferralSnapshot } from './referral';
import { type ReferralHistoryEntry } from './referral-history';
import { type GreenChannel } from './referral-content';

/** One recorded change: the history entry and the referral right after it. */
export interface ReferralChangedDomainEvent {
  readonly kind: 'referral-changed';
  readonly referral: ReferralSnapshot;
  readonly entry: ReferralHistoryEntry;
}

/** A green-channel referral was accepted: the receiving hospital's centre is told. */
export interface GreenChannelActivatedDomainEvent {
  readonly kind: 'green-channel-activated';
  readonly referral: ReferralSnapshot;
  readonly channel: Exclude<GreenChannel, 'none'>;
  readonly centreDepartmentId: string;
}

export type ReferralDomainEvent = ReferralChangedDomainEvent | GreenChannelActivatedDomainEvent;
