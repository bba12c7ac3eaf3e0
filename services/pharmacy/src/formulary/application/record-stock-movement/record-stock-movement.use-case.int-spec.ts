import { FormularyChangedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { decodeEnvelope, decodePayload, OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueTypeormRepository } from '../../../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, anOriginatorDrug } from '../../../catalogue/test/drug.factory';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { FormularyErrorCode } from '../../domain/formulary-error';
import { FormularyOutboxPublisher } from '../../infrastructure/messaging/formulary-outbox.publisher';
import { FormularyTypeormRepository } from '../../infrastructure/persistence/formulary.typeorm-repository';
import { FormularyStep } from '../formulary-step';
import { StockDrugCommand } from '../stock-drug/stock-drug.command';
import { StockDrugUseCase } from '../stock-drug/stock-drug.use-case';
import { UnstockDrugCommand } from '../unstock-drug/unstock-drug.command';
import { UnstockDrugUseCase } from '../unstock-drug/unstock-drug.use-case';
import { RecordStockMovementCommand } from './record-stock-movement.command';
import { RecordStockMovementUseCase } from './record-stock-movement.use-case';

/** An institution stocks a drug of its group's catalogue and moves its stock, through the real store and outbox. */
describe(RecordStockMovementUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let registry: RegistryViewTypeormRepository;
  let catalogues: DrugCatalogueTypeormRepository;
  let stockDrug: StockDrugUseCase;
  let unstockDrug: UnstockDrugUseCase;
  let sut: RecordStockMovementUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_stock_movement', (url) =>
      pharmacyDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    registry = new RegistryViewTypeormRepository(uow);
    catalogues = new DrugCatalogueTypeormRepository(uow);
    const formularies = new FormularyTypeormRepository(uow);
    const step = new FormularyStep(uow, formularies, registry, new ClientRequests(uow));
    const events = new FormularyOutboxPublisher(new OutboxWriter(uow, 'pharmacy'));
    stockDrug = new StockDrugUseCase(step, formularies, catalogues, events);
    unstockDrug = new UnstockDrugUseCase(step, formularies, events);
    sut = new RecordStockMovementUseCase(step, formularies, events);
  });

  afterAll(() => database?.close());

  /** The FormularyChanged events of the institution, in the order written. */
  async function announced(institutionId: string) {
    const rows = await database.dataSource.query<{ envelope: Buffer; topic: string }[]>(
      `SELECT envelope, topic FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`,
      [FormularyChangedEvent.type, institutionId],
    );
    return rows.map((row) => ({
      topic: row.topic,
      ...decodePayload(FormularyChangedEvent, decodeEnvelope(row.envelope)),
    }));
  }

  /** A primary institution of a new group known to the view, its group's catalogue listing amlodipine and its originator. */
  async function aCentre() {
    const identity = anIdentity({ role: 'primary-staff' });
    await registry.upsertInstitution({
      id: identity.institutionId!,
      groupId: identity.groupId,
      level: 'primary',
      type: 'community-health-centre',
      version: 1,
    });
    await uow.run(async () => {
      const catalogue = await catalogues.load(identity.groupId!, true);
      const now = new Date();
      catalogue.load([aDrug(), anOriginatorDrug()], now, 0, now);
      await catalogues.save(catalogue, catalogue.pullEvents(), 0, 'loaded', identity);
    });
    return identity;
  }

  const move = (kind: 'received' | 'issued', quantity: number, drugCode = aDrug().code) =>
    RecordStockMovementCommand.create({
      clientRequestId: uuidv7(),
      drugCode,
      kind,
      quantity,
      reason: 'test',
    });

  it('stocks a drug its level may, receives and issues it, and refuses an issue beyond what is on hand', async () => {
    const centre = await aCentre();
    const stocked = await stockDrug.execute(
      centre,
      StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );

    await sut.execute(centre, move('received', 5));
    const issued = await sut.execute(centre, move('issued', 3));

    expect(stocked.items).toEqual([{ drugCode: aDrug().code, onHand: 0 }]);
    expect(issued).toMatchObject({ kind: 'issued', quantity: 3, onHandAfter: 2 });
    await expect(sut.execute(centre, move('issued', 3))).rejects.toMatchObject({
      code: FormularyErrorCode.InsufficientStock,
      violations: [expect.objectContaining({ field: 'quantity' })],
    });
  });

  it('refuses to stock a drug kept to hospitals at a primary institution, and to move a drug not stocked', async () => {
    const centre = await aCentre();

    await expect(
      stockDrug.execute(
        centre,
        StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: anOriginatorDrug().code }),
      ),
    ).rejects.toMatchObject({ code: FormularyErrorCode.NotAllowedAtLevel });
    await expect(sut.execute(centre, move('received', 1, anOriginatorDrug().code))).rejects.toMatchObject({
      code: FormularyErrorCode.NotStocked,
      violations: [expect.objectContaining({ field: 'drugCode' })],
    });
  });

  it('lets only one of two issues racing for the last packs succeed', async () => {
    const centre = await aCentre();
    await stockDrug.execute(
      centre,
      StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );
    await sut.execute(centre, move('received', 2));

    const outcomes = await Promise.allSettled([
      sut.execute(centre, move('issued', 2)),
      sut.execute(centre, move('issued', 2)),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const onHand = await database.dataSource.query<{ on_hand: number }[]>(
      `SELECT on_hand FROM stock_balance WHERE institution_id = $1`,
      [centre.institutionId],
    );
    expect(onHand).toEqual([{ on_hand: 0 }]);
  });

  it('announces stocking, the first packs received, the last issued and unstocking as FormularyChanged, and not the moves between', async () => {
    const centre = await aCentre();
    await stockDrug.execute(
      centre,
      StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );
    await sut.execute(centre, move('received', 5));
    await sut.execute(centre, move('received', 2));
    await sut.execute(centre, move('issued', 3));
    await sut.execute(centre, move('issued', 4));
    await sut.execute(centre, move('received', 1));
    await unstockDrug.execute(
      centre,
      UnstockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );

    const events = await announced(centre.institutionId!);
    expect(events.map((e) => [e.change, e.stocked, e.onHand])).toEqual([
      [1, true, 0], // stocked
      [3, true, 5], // back in stock
      [4, true, 0], // out of stock
      [3, true, 1], // back in stock
      [2, false, 1], // unstocked, the last pack still on hand
    ]);
    expect(events[0]).toMatchObject({
      topic: 'medgrid.pharmacy.formulary.v1',
      groupId: centre.groupId,
      institutionId: centre.institutionId,
      drugCode: aDrug().code,
      changedBy: centre.subject,
    });
  });

  it('announces nothing for a refused move or a retried one', async () => {
    const centre = await aCentre();
    await stockDrug.execute(
      centre,
      StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );
    const first = move('received', 2);
    await sut.execute(centre, first);
    await sut.execute(centre, first);
    await expect(sut.execute(centre, move('issued', 3))).rejects.toMatchObject({
      code: FormularyErrorCode.InsufficientStock,
    });

    expect((await announced(centre.institutionId!)).map((e) => e.change)).toEqual([1, 3]);
  });

  /** The institution's stock of amlodipine: its balance and how many movements it has. */
  async function stockOf(institutionId: string) {
    const [row] = await database.dataSource.query<{ on_hand: number; moves: number }[]>(
      `SELECT coalesce((SELECT on_hand FROM stock_balance WHERE institution_id = $1 AND drug_code = $2), 0) AS on_hand,
              (SELECT count(*)::int FROM stock_movement WHERE institution_id = $1 AND drug_code = $2) AS moves`,
      [institutionId, aDrug().code],
    );
    return row;
  }

  it('refuses to stock a drug code not in the group catalogue (UNKNOWN_DRUG naming drugCode) and to move it, changing nothing', async () => {
    const centre = await aCentre();

    await expect(
      stockDrug.execute(
        centre,
        StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: 'XZ99ZZZ999Z999999999999' }),
      ),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_DRUG',
      category: 'invalid-argument',
      violations: [expect.objectContaining({ field: 'drugCode' })],
    });
    await expect(sut.execute(centre, move('received', 1, 'XZ99ZZZ999Z999999999999'))).rejects.toMatchObject({
      code: FormularyErrorCode.NotStocked,
      category: 'invalid-argument',
      violations: [expect.objectContaining({ field: 'drugCode' })],
    });
    const rows: unknown[] = await database.dataSource.query(
      `SELECT 1 FROM formulary_item WHERE institution_id = $1`,
      [centre.institutionId],
    );
    expect(rows).toEqual([]);
    expect(await announced(centre.institutionId!)).toEqual([]);
  });

  it.each([
    ['received', -2],
    ['issued', -2],
    ['received', 1.5],
    ['issued', 0],
  ] as const)(
    'refuses %s %s packs as INVALID_QUANTITY naming quantity, changing nothing',
    async (kind, quantity) => {
      const centre = await aCentre();
      await stockDrug.execute(
        centre,
        StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
      );
      await sut.execute(centre, move('received', 3));

      await expect(sut.execute(centre, move(kind, quantity))).rejects.toMatchObject({
        code: FormularyErrorCode.InvalidQuantity,
        category: 'invalid-argument',
        violations: [expect.objectContaining({ field: 'quantity' })],
      });
      expect(await stockOf(centre.institutionId!)).toEqual({ on_hand: 3, moves: 1 });
    },
  );

  it('keeps stock whole and never negative under receipts and issues racing: the balance is what the moves that succeeded leave', async () => {
    const centre = await aCentre();
    await stockDrug.execute(
      centre,
      StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: aDrug().code }),
    );
    await sut.execute(centre, move('received', 4));

    const moves = [
      ...Array.from({ length: 8 }, () => move('issued', 3)),
      ...Array.from({ length: 4 }, () => move('received', 2)),
    ];
    const outcomes = await Promise.allSettled(moves.map((m) => sut.execute(centre, m)));

    const succeeded = moves.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    const expected = succeeded.reduce((n, m) => n + (m.kind === 'received' ? m.quantity : -m.quantity), 4);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as { code: string }).code),
    ).toEqual(expect.arrayContaining([FormularyErrorCode.InsufficientStock]));
    expect(await stockOf(centre.institutionId!)).toEqual({ on_hand: expected, moves: 1 + succeeded.length });
    const history = await database.dataSource.query<{ on_hand_after: number }[]>(
      `SELECT on_hand_after FROM stock_movement WHERE institution_id = $1 ORDER BY id`,
      [centre.institutionId],
    );
    expect(history.every((row) => row.on_hand_after >= 0)).toBe(true);
    expect(history[history.length - 1]!.on_hand_after).toBe(expected);
  });
});
