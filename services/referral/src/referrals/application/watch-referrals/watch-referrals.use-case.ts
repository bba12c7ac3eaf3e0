import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type ReferralChange, ReferralRepository } from '../../domain/referral.repository';
import { visibilityOf } from '../referral-access.policy';
import { ReferralChangeNotices } from '../referral-change-notices';
import { type WatchReferralsQuery } from './watch-referrals.query';

const WATCH_BATCH = 100;

/**
 * How the caller listens: until `signal` aborts (it hung up); when idle, reading again at each change notice and
 * at least every `pollMs`.
 */
export interface Listening {
  readonly signal: AbortSignal;
  readonly pollMs: number;
}

/**
 * WatchReferrals: the changes of the referrals the caller may see, from a history position on,
 * for as long as the caller listens; each batch's reads are audited before it leaves. Positions
 * are handed out in commit order (ReferralWriter), so reading after the last one misses nothing.
 * A change notice (ReferralChangeNotices) makes an idle stream read at once, so a change reaches
 * its watchers milliseconds after its commit; the poll covers a notice lost with its connection.
 */
@Injectable()
export class WatchReferralsUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
    private readonly notices: ReferralChangeNotices,
  ) {}

  async *execute(
    identity: Identity,
    query: WatchReferralsQuery,
    { signal, pollMs }: Listening,
  ): AsyncGenerator<ReferralChange> {
    const visibility = visibilityOf(identity);
    let seq = query.afterSeq === 0 ? await this.referrals.lastSeq() : query.afterSeq;
    while (!signal.aborted) {
      const changes = await this.referrals.changesAfter(visibility, seq, WATCH_BATCH);
      if (changes.length > 0) {
        await this.audit.recordReads(
          identity,
          [...new Set(changes.map((change) => change.referral.id))].map((id) => ({ kind: 'referral', id })),
          query.purpose,
        );
      }
      for (const change of changes) {
        yield change;
        seq = change.entry.seq;
      }
      if (changes.length < WATCH_BATCH) {
        await this.notices.next(pollMs, signal);
      }
    }
  }
}
