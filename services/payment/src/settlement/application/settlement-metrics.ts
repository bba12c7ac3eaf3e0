import { type UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { counter, histogram } from '@medgrid/telemetry';
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

const runDuration = histogram(
  'medgrid_payment_settlement_run_seconds',
  'StartSettlementRun from request to answer, by outcome: settled (a new run or a retry answered with it), refused (a rule said no: month not over, already settled, not permitted) or failed (anything else)',
  ['outcome'],
  [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
);

/** Times one StartSettlementRun and counts how it ended; the work's answer or error passes through unchanged. */
export async function timedSettlementRun<T>(work: () => Promise<T>): Promise<T> {
  const stop = runDuration.startTimer();
  try {
    const answer = await work();
    stop({ outcome: 'settled' });
    return answer;
  } catch (error) {
    stop({ outcome: error instanceof AppError ? 'refused' : 'failed' });
    throw error;
  }
}

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
