import { type UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { SettlementEventPublisher } from '../domain/settlement-event-publisher';
import { type StoredSettlement } from '../domain/settlement-run.repository';

// Per group (tens of series): a run settles one group's month, so these move a few times a month. Counters rather
// than gauges of the last run: every replica counts only the runs it made, and a sum over replicas and a window
// reads the same whichever pod settled. GetSettlementRun and GetSettlementReport give a run's whole figures.
const runs = counter(
  'medgrid_payment_settlement_runs_total',
  'Months settled (StartSettlementRun), per group and the balance of its budget: surplus, even or overspend',
  ['group', 'balance'],
);
const figures = counter(
  'medgrid_payment_settlement_fen_total',
  "Settled months' figures in fen, per group: budget, fund_paid (the fund's payments to the institutions), surplus and overspend",
  ['group', 'figure'],
);

/** The counters of a settled month. */
export function countSettlement(settlement: StoredSettlement): void {
  const { groupId: group, budget, fundPaid, balance } = settlement.result;
  runs.inc({ group, balance: balance.kind });
  figures.inc({ group, figure: 'budget' }, budget);
  figures.inc({ group, figure: 'fund_paid' }, fundPaid);
  if (balance.kind !== 'even') figures.inc({ group, figure: balance.kind }, balance.amount);
}

/**
 * The settlement events, counted: a new run announces SettlementCompleted exactly once, in its transaction (a retry
 * is answered with the run it made and announces nothing), so the announcement is where a settled month is counted,
 * once the run has committed (a run rolled back counts nothing). The module puts it in front of the outbox publisher.
 */
export class CountedSettlementEvents extends SettlementEventPublisher {
  constructor(
    private readonly events: SettlementEventPublisher,
    private readonly uow: UnitOfWork,
  ) {
    super();
  }

  async settlementCompleted(settlement: StoredSettlement): Promise<void> {
    await this.events.settlementCompleted(settlement);
    this.uow.afterCommit(() => countSettlement(settlement));
  }
}
