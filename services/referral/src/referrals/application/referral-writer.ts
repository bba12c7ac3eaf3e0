import { Injectable } from '@nestjs/common';
import { type AtomicInserts, UnitOfWork } from '@medgrid/database';
import { type Referral } from '../domain/referral';
import { ReferralEventPublisher } from '../domain/referral-event-publisher';
import { type ReferralDomainEvent } from '../domain/referral-events';
import { type ReferralHistoryEntry } from '../domain/referral-history';
import { ReferralRepository } from '../domain/referral.repository';
import { ReferralMetrics } from './referral-metrics';
import { NewReferrals, StagedReferralEvents } from './new-referrals';

/**
 * Stores a referral with the history and events it recorded, in the caller's
 * transaction (the repository hands out history positions in commit order),
 * and counts it in the business metrics once that commits; or stages a new one
 * in a one-statement write, counted once that is written.
 */
@Injectable()
export class ReferralWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly metrics: ReferralMetrics,
    private readonly publisher: ReferralEventPublisher,
    private readonly newReferrals: NewReferrals,
    private readonly stagedEvents: StagedReferralEvents,
  ) {}

  /** Stages a new referral, its history and its events in `inserts`; `written` counts them once they are written. */
  stageNew(inserts: AtomicInserts, referral: Referral): { written: () => void } {
    const events = withEntries(referral.pullEvents(), this.newReferrals.stage(inserts, referral));
    this.stagedEvents.stage(inserts, events);
    return { written: () => this.metrics.observe(events) };
  }

  async save(referral: Referral, isNew: boolean): Promise<ReferralDomainEvent[]> {
    const stored = isNew ? await this.referrals.insert(referral) : await this.referrals.update(referral);
    const events = withEntries(referral.pullEvents(), stored);
    await this.publisher.publish(events);
    // Counted once the change commits: a rolled-back and retried consumer transaction counts once.
    this.uow.afterCommit(() => this.metrics.observe(events));
    return events;
  }
}

/** The events with the history entries as stored, in the order the referral recorded them. */
function withEntries(
  events: readonly ReferralDomainEvent[],
  stored: readonly ReferralHistoryEntry[],
): ReferralDomainEvent[] {
  let next = 0;
  return events.map((event) =>
    event.kind === 'referral-changed' ? { ...event, entry: stored[next++]! } : event,
  );
}
