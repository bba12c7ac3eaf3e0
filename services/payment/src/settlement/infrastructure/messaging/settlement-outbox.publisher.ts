import { Injectable } from '@nestjs/common';
import { SettlementCompletedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { SettlementEventPublisher } from '../../domain/settlement-event-publisher';
import { type StoredSettlement } from '../../domain/settlement-run.repository';

/**
 * Writes SettlementCompleted to the outbox (medgrid.payment.settlement.v1, keyed by group id) in the run's
 * transaction: the headline figures; the ledger is read with GetSettlementRun.
 */
@Injectable()
export class SettlementOutboxPublisher extends SettlementEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async settlementCompleted(settlement: StoredSettlement): Promise<void> {
    const r = settlement.result;
    await this.outbox.append(SettlementCompletedEvent, {
      aggregateId: r.groupId,
      aggregateVersion: 1,
      occurredAt: settlement.settledAt,
      payload: {
        runId: settlement.id,
        groupId: r.groupId,
        regionId: settlement.regionId,
        periodFrom: r.period.from,
        periodUntil: r.period.until,
        claims: r.institutions.reduce((n, i) => n + i.claims, 0),
        budget: r.budget,
        fundPaid: r.fundPaid,
        balanceKind: r.balance.kind.toUpperCase(),
        balanceAmount: r.balance.kind === 'even' ? 0 : r.balance.amount,
        occurredAt: settlement.settledAt,
      },
    });
  }
}
