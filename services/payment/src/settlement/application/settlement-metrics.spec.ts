import { type UnitOfWork } from '@medgrid/database';
import { metricsRegistry } from '@medgrid/telemetry';
import { type Fen } from '../../common/domain/money';
import { SettlementEventPublisher } from '../domain/settlement-event-publisher';
import { settle, SettlementTally } from '../domain/settlement-run';
import { type StoredSettlement } from '../domain/settlement-run.repository';
import { aSettledClaim, aSettlementInput, GROUP_ID } from '../test/settlement.factory';
import { AppError } from '@medgrid/errors';
import { CountedSettlementEvents, countSettlement, timedSettlementRun } from './settlement-metrics';

/** The counter's series as label set → value. */
const series = async (name: string) =>
  Object.fromEntries(
    (await metricsRegistry.getSingleMetric(name)!.get()).values.map((v) => [
      JSON.stringify(v.labels),
      v.value,
    ]),
  );

/** The group's November with a ¥10,000 budget and claims whose fund shares are `funds` (fen). */
function aSettlement(funds: readonly number[], budget = 1_000_000): StoredSettlement {
  const input = aSettlementInput({ budget: budget as Fen });
  const tally = new SettlementTally(input.period);
  tally.add(funds.map((fund) => aSettledClaim({ fund: fund as Fen })));
  return {
    id: 'run-1',
    regionId: 'city-1',
    settledAt: new Date('2026-12-01T02:00:00Z'),
    settledBy: 'operator-1',
    result: settle(input, tally),
  };
}

/** A unit of work whose commit the test decides: afterCommit callbacks wait until `commit`. */
function aUnitOfWork() {
  const pending: (() => void)[] = [];
  const uow = { afterCommit: (callback: () => void) => pending.push(callback) } as unknown as UnitOfWork;
  return { uow, commit: () => pending.splice(0).forEach((callback) => callback()) };
}

describe('settlement metrics', () => {
  beforeEach(() => {
    for (const name of ['medgrid_payment_settlement_runs_total', 'medgrid_payment_settlement_fen_total'])
      metricsRegistry.getSingleMetric(name)!.reset();
  });

  it("counts a month that overspent its budget, with the budget, the fund's payments and the overspend", async () => {
    countSettlement(aSettlement([600_000, 500_000]));

    expect(await series('medgrid_payment_settlement_runs_total')).toEqual({
      [`{"group":"${GROUP_ID}","balance":"overspend"}`]: 1,
    });
    expect(await series('medgrid_payment_settlement_fen_total')).toEqual({
      [`{"group":"${GROUP_ID}","figure":"budget"}`]: 1_000_000,
      [`{"group":"${GROUP_ID}","figure":"fund_paid"}`]: 1_100_000,
      [`{"group":"${GROUP_ID}","figure":"overspend"}`]: 100_000,
    });
  });

  it('counts a surplus as a surplus, and a month spent to the fen with no balance figure', async () => {
    countSettlement(aSettlement([400_000]));
    countSettlement(aSettlement([1_000_000]));

    expect(await series('medgrid_payment_settlement_runs_total')).toEqual({
      [`{"group":"${GROUP_ID}","balance":"surplus"}`]: 1,
      [`{"group":"${GROUP_ID}","balance":"even"}`]: 1,
    });
    expect(await series('medgrid_payment_settlement_fen_total')).toEqual({
      [`{"group":"${GROUP_ID}","figure":"budget"}`]: 2_000_000,
      [`{"group":"${GROUP_ID}","figure":"fund_paid"}`]: 1_400_000,
      [`{"group":"${GROUP_ID}","figure":"surplus"}`]: 600_000,
    });
  });

  describe(CountedSettlementEvents.name, () => {
    it('announces the run and counts it only once the run has committed', async () => {
      const announced: StoredSettlement[] = [];
      const outbox = new (class extends SettlementEventPublisher {
        settlementCompleted(settlement: StoredSettlement): Promise<void> {
          announced.push(settlement);
          return Promise.resolve();
        }
      })();
      const { uow, commit } = aUnitOfWork();
      const sut = new CountedSettlementEvents(outbox, uow);
      const settlement = aSettlement([600_000, 500_000]);

      await sut.settlementCompleted(settlement);

      expect(announced).toEqual([settlement]);
      expect(await series('medgrid_payment_settlement_runs_total')).toEqual({});
      commit();
      expect(await series('medgrid_payment_settlement_runs_total')).toEqual({
        [`{"group":"${GROUP_ID}","balance":"overspend"}`]: 1,
      });
    });

    it('counts nothing when the announcement fails (the run rolls back)', async () => {
      const outbox = new (class extends SettlementEventPublisher {
        settlementCompleted(): Promise<void> {
          return Promise.reject(new Error('outbox unavailable'));
        }
      })();
      const { uow, commit } = aUnitOfWork();
      const sut = new CountedSettlementEvents(outbox, uow);

      await expect(sut.settlementCompleted(aSettlement([600_000]))).rejects.toThrow('outbox unavailable');
      commit();

      expect(await series('medgrid_payment_settlement_runs_total')).toEqual({});
    });
  });

  describe(timedSettlementRun.name, () => {
    const counts = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await metricsRegistry.getSingleMetric('medgrid_payment_settlement_run_seconds')!.get()).values
          .filter(
            (v) =>
              (v as { metricName?: string }).metricName === 'medgrid_payment_settlement_run_seconds_count',
          )
          .map((v): [string, number] => [String(v.labels.outcome), v.value]),
      );

    beforeEach(() => metricsRegistry.getSingleMetric('medgrid_payment_settlement_run_seconds')!.reset());

    it('times each run by how it ended and passes its answer or error through', async () => {
      await expect(timedSettlementRun(() => Promise.resolve('run-1'))).resolves.toBe('run-1');
      const refusal = new AppError('failed-precondition', 'PERIOD_ALREADY_SETTLED', 'settled');
      await expect(timedSettlementRun(() => Promise.reject(refusal))).rejects.toBe(refusal);
      await expect(timedSettlementRun(() => Promise.reject(new Error('connection lost')))).rejects.toThrow(
        'connection lost',
      );

      expect(await counts()).toEqual({ settled: 1, refused: 1, failed: 1 });
    });
  });
});
