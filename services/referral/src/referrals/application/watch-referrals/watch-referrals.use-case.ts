import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type ReferralChange, ReferralRepository } from '../../domain/referral.repository';
import { visibilityOf } from '../referral-access.policy';
import { type WatchReferralsQuery } from './watch-referrals.query';

const WATCH_BATCH = 100;

/** How the caller listens: until `signal` aborts (it hung up), polling every `pollMs` when idle. */
export interface Listening {
  readonly signal: AbortSignal;
  readonly pollMs: number;
}

/**
 * WatchReferrals: the changes of the referrals the caller may see, from a history position on,
 * for as long as the caller listens; each batch's reads are audited before it leaves. Positions
 * are handed out in commit order (ReferralWriter), so polling after the last one misses nothing.
 */
@Injectable()
export class WatchReferralsUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
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
        await sleep(pollMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
