import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { monthPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { paymentDataSource } from '../../../database/payment-data-source';
import { now } from '../../../enrolment/test/enrolment.factory';
import { type StoredSettlement } from '../../domain/settlement-run.repository';
import { settle, SettlementTally } from '../../domain/settlement-run';
import { aSettledClaim, aSettlementInput, HOSPITAL_ID } from '../../test/settlement.factory';
import { SettlementRunTypeormRepository } from './settlement-run.typeorm-repository';

describe(SettlementRunTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: SettlementRunTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_settlement_runs', (url) =>
      paymentDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new SettlementRunTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  /** A group's November 2026 with a fee-for-service claim and a point-settled stay. */
  function aSettlement(groupId = uuidv7()): StoredSettlement {
    const tally = new SettlementTally(monthPeriod('2026-11'));
    tally.add([
      aSettledClaim({ claimId: uuidv7() }),
      aSettledClaim({
        claimId: uuidv7(),
        institutionId: HOSPITAL_ID,
        level: 'tertiary',
        method: 'points',
        fund: 0 as Fen,
        weight: 3_000_000n,
      }),
    ]);
    return {
      id: uuidv7(),
      regionId: uuidv7(),
      settledAt: now,
      settledBy: 'insurer',
      result: settle(aSettlementInput({ groupId, pointsPot: 500_000 as Fen }), tally),
    };
  }

  it('stores a settlement and reads it back as it was, the point value’s weights and the ledger line by line', async () => {
    const settlement = aSettlement();

    await uow.run(() => sut.save(settlement, { claims: 2, checksum: '00000000000000ab' }));

    expect(await sut.find(settlement.id)).toEqual(settlement);
    expect(await sut.findFor(settlement.result.groupId, monthPeriod('2026-11'))).toEqual(settlement);
    expect(await sut.findFor(settlement.result.groupId, monthPeriod('2026-12'))).toBeNull();
    expect(await sut.listFor(settlement.result.groupId)).toEqual([settlement]);
    expect(settlement.result.pointValue?.totalWeight).toBe(3_000_000n);
    expect(await sut.countedBy(settlement.id)).toEqual({ claims: 2, checksum: '00000000000000ab' });
    expect(await sut.countedBy(uuidv7())).toBeNull();
  });

  it('keeps one run per group and month, and never changes a run, what it counted or its ledger', async () => {
    const settlement = aSettlement();
    await uow.run(() => sut.save(settlement, { claims: 2, checksum: '0000000000000001' }));

    await expect(
      uow.run(() =>
        sut.save({ ...aSettlement(settlement.result.groupId) }, { claims: 0, checksum: '0000000000000000' }),
      ),
    ).rejects.toThrow(/settlement_run_group_period_key/);
    for (const table of ['settlement_run', 'ledger_entry']) {
      const column = table === 'settlement_run' ? 'id' : 'run_id';
      await expect(
        database.dataSource.query(`DELETE FROM ${table} WHERE ${column} = $1`, [settlement.id]),
      ).rejects.toThrow(/never updated or deleted/);
    }
  });
});
