import { DrugChangedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { decodeEnvelope, decodePayload, OutboxWriter } from '@medgrid/messaging';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { CatalogueErrorCode } from '../../domain/catalogue-error';
import { CatalogueOutboxPublisher } from '../../infrastructure/messaging/catalogue-outbox.publisher';
import { DrugCatalogueTypeormRepository } from '../../infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug } from '../../test/drug.factory';
import { CatalogueEdit } from '../catalogue-edit';
import { GetCatalogueQuery } from '../get-catalogue/get-catalogue.query';
import { GetCatalogueUseCase } from '../get-catalogue/get-catalogue.use-case';
import { SearchDrugsQuery } from '../search-drugs/search-drugs.query';
import { SearchDrugsUseCase } from '../search-drugs/search-drugs.use-case';
import { PutDrugCommand } from './put-drug.command';
import { PutDrugUseCase } from './put-drug.use-case';
import { WithdrawDrugCommand } from '../withdraw-drug/withdraw-drug.command';
import { WithdrawDrugUseCase } from '../withdraw-drug/withdraw-drug.use-case';

const DAY = 86_400_000;

/** A drug put from an instant on, through the real store and outbox. */
describe(PutDrugUseCase.name, () => {
  let database: MigratedTestDatabase;
  let catalogues: DrugCatalogueTypeormRepository;
  let sut: PutDrugUseCase;
  let withdraw: WithdrawDrugUseCase;
  let read: GetCatalogueUseCase;
  let search: SearchDrugsUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_put_drug', (url) => pharmacyDataSource(url, 4));
    const uow = new UnitOfWork(database.dataSource);
    catalogues = new DrugCatalogueTypeormRepository(uow);
    const edit = new CatalogueEdit(
      uow,
      catalogues,
      new CatalogueOutboxPublisher(new OutboxWriter(uow, 'pharmacy')),
      new ClientRequests(uow),
    );
    sut = new PutDrugUseCase(edit);
    withdraw = new WithdrawDrugUseCase(edit);
    read = new GetCatalogueUseCase(catalogues);
    search = new SearchDrugsUseCase(catalogues);
  });

  afterAll(() => database?.close());

  const admin = () => anIdentity({ role: 'group-admin', groupId: uuidv7(), institutionId: null });

  it('lists a drug now, then changes its price from a later instant, each a version and a DrugChanged', async () => {
    const identity = admin();
    const later = new Date(Date.now() + 30 * DAY);

    const listed = await sut.execute(
      identity,
      PutDrugCommand.create({
        clientRequestId: uuidv7(),
        fromVersion: 0,
        drug: aDrug(),
        effectiveFrom: undefined,
      }),
    );
    const changed = await sut.execute(
      identity,
      PutDrugCommand.create({
        clientRequestId: uuidv7(),
        fromVersion: 1,
        drug: aDrug({ unifiedPriceFen: 180, bidPriceFen: 180 }),
        effectiveFrom: later,
      }),
    );

    expect(listed.catalogue).toMatchObject({ version: 1, drugCount: 1 });
    expect(changed).toMatchObject({
      catalogue: { version: 2, drugCount: 1 },
      version: { drug: aDrug({ unifiedPriceFen: 180, bidPriceFen: 180 }), effectiveFrom: later },
    });
    const catalogue = await catalogues.load(identity.groupId!, false);
    expect(catalogue.drugAt(aDrug().code, new Date())?.unifiedPriceFen).toBe(196);
    expect(catalogue.drugAt(aDrug().code, later)?.unifiedPriceFen).toBe(180);
    const rows = await database.dataSource.query<{ envelope: Buffer }[]>(
      `SELECT envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [identity.groupId],
    );
    const events = rows.map((row) => decodePayload(DrugChangedEvent, decodeEnvelope(row.envelope)));
    expect(events.map((e) => [e.change, e.catalogueVersion, e.drug?.unifiedPriceFen, e.changedBy])).toEqual([
      [1, 1, 196, identity.subject],
      [2, 2, 180, identity.subject],
    ]);
  });

  it('refuses a change in the past, naming effectiveFrom, and stores nothing', async () => {
    const identity = admin();

    await expect(
      sut.execute(
        identity,
        PutDrugCommand.create({
          clientRequestId: uuidv7(),
          fromVersion: 0,
          drug: aDrug(),
          effectiveFrom: new Date(Date.now() - DAY),
        }),
      ),
    ).rejects.toMatchObject({
      code: CatalogueErrorCode.RetroactiveChange,
      violations: [expect.objectContaining({ field: 'effectiveFrom' })],
    });
    expect((await catalogues.head(identity.groupId!)).version).toBe(0);
  });

  it('refuses a bad drug with every bad field named under drug', async () => {
    await expect(
      sut.execute(
        admin(),
        PutDrugCommand.create({
          clientRequestId: uuidv7(),
          fromVersion: 0,
          drug: aDrug({ unifiedPriceFen: 12.5, levels: [] }),
          effectiveFrom: undefined,
        }),
      ),
    ).rejects.toMatchObject({
      code: CatalogueErrorCode.InvalidDrug,
      violations: [
        expect.objectContaining({ field: 'drug.unifiedPriceFen', reason: 'NOT_FEN' }),
        expect.objectContaining({ field: 'drug.levels', reason: 'REQUIRED' }),
      ],
    });
  });

  it('withdraws a drug from a later instant: in force until then, out of the catalogue after, announced', async () => {
    const identity = admin();
    const later = new Date(Date.now() + 30 * DAY);
    await sut.execute(
      identity,
      PutDrugCommand.create({
        clientRequestId: uuidv7(),
        fromVersion: 0,
        drug: aDrug(),
        effectiveFrom: undefined,
      }),
    );

    const withdrawn = await withdraw.execute(
      identity,
      WithdrawDrugCommand.create({
        clientRequestId: uuidv7(),
        fromVersion: 1,
        code: aDrug().code,
        effectiveFrom: later,
      }),
    );

    expect(withdrawn).toMatchObject({
      catalogue: { version: 2 },
      version: { drug: null, effectiveFrom: later },
    });
    const catalogue = await catalogues.load(identity.groupId!, false);
    expect(catalogue.drugAt(aDrug().code, new Date())).toEqual(aDrug());
    expect(catalogue.drugAt(aDrug().code, later)).toBeUndefined();
    const changes = await database.dataSource.query<{ change: string }[]>(
      `SELECT change FROM drug_catalogue_change WHERE group_id = $1 ORDER BY version`,
      [identity.groupId],
    );
    expect(changes.map((c) => c.change)).toEqual(['drug-put', 'drug-withdrawn']);
    const [announced] = await database.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`,
      [identity.groupId],
    );
    expect(announced?.n).toBe(2);
  });

  it('refuses to withdraw a drug not in force, naming code', async () => {
    await expect(
      withdraw.execute(
        admin(),
        WithdrawDrugCommand.create({
          clientRequestId: uuidv7(),
          fromVersion: 0,
          code: aDrug().code,
          effectiveFrom: undefined,
        }),
      ),
    ).rejects.toMatchObject({
      code: CatalogueErrorCode.UnknownDrug,
      violations: [expect.objectContaining({ field: 'code' })],
    });
  });

  it("lets a city operator read a group's catalogue it names, never edit it, and keeps the group's other members to their own", async () => {
    const identity = admin();
    const groupId = identity.groupId!;
    await sut.execute(
      identity,
      PutDrugCommand.create({
        clientRequestId: uuidv7(),
        fromVersion: 0,
        drug: aDrug(),
        effectiveFrom: undefined,
      }),
    );
    const operator = anIdentity({ role: 'city-operator', groupId: null, institutionId: null });
    const stranger = anIdentity({ role: 'primary-staff', groupId: uuidv7() });

    const page = await read.execute(
      operator,
      GetCatalogueQuery.create({ groupId, pageSize: 0, pageToken: '' }),
    );
    const found = await search.execute(
      operator,
      SearchDrugsQuery.create({ genericName: '氨氯地平', groupId }),
    );

    expect(page).toMatchObject({ catalogue: { groupId, version: 1, drugCount: 1 }, drugs: [aDrug()] });
    expect(found).toEqual([aDrug()]);
    await expect(
      read.execute(operator, GetCatalogueQuery.create({ groupId: '', pageSize: 0, pageToken: '' })),
    ).rejects.toMatchObject({
      code: CatalogueErrorCode.GroupRequired,
      violations: [expect.objectContaining({ field: 'groupId' })],
    });
    await expect(
      read.execute(stranger, GetCatalogueQuery.create({ groupId, pageSize: 0, pageToken: '' })),
    ).rejects.toMatchObject({ code: CatalogueErrorCode.Forbidden });
    await expect(
      sut.execute(
        operator,
        PutDrugCommand.create({
          clientRequestId: uuidv7(),
          fromVersion: 1,
          drug: aDrug({ unifiedPriceFen: 1 }),
          effectiveFrom: undefined,
        }),
      ),
    ).rejects.toMatchObject({ code: CatalogueErrorCode.Forbidden });
    expect((await catalogues.head(groupId)).version).toBe(1);
  });
});
