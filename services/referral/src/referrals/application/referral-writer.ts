import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type Referral } from '../domain/referral';
import { ReferralEventPublisher } from '../domain/referral-event-publisher';
import { type ReferralDomainEvent } from '../domain/referral-events';
import { ReferralRepository } from '../domain/referral.repository';
import { ReferralMetrics } from './referral-metrics';

/**
 * Stores a referral with the history and events it recorded, in the caller's
 * transaction (the repository hands out history positions in commit order),
 * and counts it in the business metrics once that commits.
 */
@Injectable()
export class ReferralWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly metrics: ReferralMetrics,
    private readonly publisher: ReferralEventPublisher,
  ) {}

  async save(referral: Referral, isNew: boolean): Promise<ReferralDomainEvent[]> {
    const stored = isNew ? await this.referrals.insert(referral) : await this.referrals.update(referral);
    let next = 0;
    const events = referral
      .pullEvents()
      .map((event) => (event.kind === 'referral-changed' ? { ...event, entry: stored[next++]! } : event));
    await this.publisher.publish(events);
    // Counted once the change commits: a rolled-back and retried consumer transaction counts once.
    this.uow.afterCommit(() => this.metrics.observe(events));
    return events;
  }
}
