import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueTypeormRepository } from '../../../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, anOriginatorDrug } from '../../../catalogue/test/drug.factory';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { FormularyErrorCode } from '../../domain/formulary-error';
import { FormularyTypeormRepository } from '../../infrastructure/persistence/formulary.typeorm-repository';
import { FormularyStep } from '../formulary-step';
import { StockDrugCommand } from '../stock-drug/stock-drug.command';
import { StockDrugUseCase } from '../stock-drug/stock-drug.use-case';
import { RecordStockMovementCommand } from './record-stock-movement.command';
import { RecordStockMovementUseCase } from './record-stock-movement.use-case';

/** An institution stocks a drug of its group's catalogue and moves its stock, through the real store. */
describe(RecordStockMovementUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let registry: RegistryViewTypeormRepository;
  let catalogues: DrugCatalogueTypeormRepository;
  let stockDrug: StockDrugUseCase;
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
    stockDrug = new StockDrugUseCase(step, formularies, catalogues);
    sut = new RecordStockMovementUseCase(step, formularies);
  });

  afterAll(() => database?.close());

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
});
