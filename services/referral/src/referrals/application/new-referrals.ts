import { type AtomicInserts } from '@medgrid/database';
import { type Referral } from '../domain/referral';
import { type ReferralHistoryEntry } from '../domain/referral-history';
import { type ReferralDomainEvent } from '../domain/referral-events';

/**
 * Port: a new referral's row and the history it recorded, staged in a one-statement write so they land with its
 * events and the record of its client request (CreateReferral). The referrals' repository implements it; a port of
 * the application layer because staging rows is a persistence idea the domain's repository does not know. The
 * entries' positions are handed out when the statement commits: 0 here.
 */
export abstract class NewReferrals {
  abstract stage(inserts: AtomicInserts, referral: Referral): ReferralHistoryEntry[];
}

/** Port: a change's contract events staged in the same one-statement write as its rows (the outbox publisher). */
export abstract class StagedReferralEvents {
  abstract stage(inserts: AtomicInserts, events: readonly ReferralDomainEvent[]): void;
}
