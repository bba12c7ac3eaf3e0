import { DrugChangedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { CatalogueErrorCode } from '../../domain/catalogue-error';
import { CatalogueOutboxPublisher } from '../../infrastructure/messaging/catalogue-outbox.publisher';
import { DrugCatalogueTypeormRepository } from '../../infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, aMetforminDrug, anOriginatorDrug, rowOf } from '../../test/drug.factory';
import { CatalogueEdit } from '../catalogue-edit';
import { LoadCatalogueCsvCommand } from './load-catalogue-csv.command';
import { LoadCatalogueCsvUseCase } from './load-catalogue-csv.use-case';

function csvOf(rows: Record<string, string>[]): Buffer {
  const columns = Object.keys(rows[0]!);
  return Buffer.from(
    [columns.join(','), ...rows.map((row) => columns.map((c) => row[c]).join(','))].join('\n'),
  );
}

/** A CSV load through the real store, outbox and client request log. */
describe(LoadCatalogueCsvUseCase.name, () => {
  let database: MigratedTestDatabase;
  let sut: LoadCatalogueCsvUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_load_catalogue_csv', (url) =>
      pharmacyDataSource(url, 4),
    );
    const uow = new UnitOfWork(database.dataSource);
    const catalogues = new DrugCatalogueTypeormRepository(uow);
    const edit = new CatalogueEdit(
      uow,
      catalogues,
      new CatalogueOutboxPublisher(new OutboxWriter(uow, 'pharmacy')),
      new ClientRequests(uow),
    );
    sut = new LoadCatalogueCsvUseCase(edit, catalogues);
  });

  afterAll(() => database?.close());

  const anAdmin = () => anIdentity({ role: 'group-admin', groupId: uuidv7(), institutionId: null });
  const outboxOf = (groupId: string) =>
    database.dataSource.query<{ event_type: string }[]>(
      `SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [groupId],
    );

  it('loads every drug of a good file, announces each, and answers a retry without loading again', async () => {
    const admin = anAdmin();
    const command = LoadCatalogueCsvCommand.create({
      clientRequestId: uuidv7(),
      fromVersion: 0,
      effectiveFrom: undefined,
      content: csvOf([rowOf(aDrug()), rowOf(anOriginatorDrug()), rowOf(aMetforminDrug())]),
    });

    const loaded = await sut.execute(admin, command);
    const retried = await sut.execute(admin, command);

    expect(loaded).toMatchObject({
      committed: true,
      rows: 3,
      accepted: 3,
      rejected: [],
      catalogue: { groupId: admin.groupId, version: 1, drugCount: 3 },
    });
    expect(retried.catalogue.version).toBe(1);
    expect(await outboxOf(admin.groupId!)).toEqual(
      Array.from({ length: 3 }, () => ({ event_type: DrugChangedEvent.type })),
    );
  });

  it('loads nothing from a file with a bad cell, reports it by line and column, and takes the corrected file under the same id', async () => {
    const admin = anAdmin();
    const clientRequestId = uuidv7();
    const bad = LoadCatalogueCsvCommand.create({
      clientRequestId,
      fromVersion: 0,
      effectiveFrom: undefined,
      content: csvOf([rowOf(aDrug()), rowOf(anOriginatorDrug(), { unified_price_fen: '26.80' })]),
    });

    const refused = await sut.execute(admin, bad);

    expect(refused).toEqual({
      committed: false,
      rows: 2,
      accepted: 0,
      rejected: [
        {
          line: 3,
          field: 'unified_price_fen',
          reason: 'DECIMAL_NOT_FEN',
          description: 'a price in whole fen, without a decimal point (¥26.80 is 2680 fen)',
        },
      ],
      catalogue: { groupId: admin.groupId, version: 0, changedAt: null, drugCount: 0 },
    });
    expect(await outboxOf(admin.groupId!)).toEqual([]);
    const corrected = LoadCatalogueCsvCommand.create({
      clientRequestId,
      fromVersion: 0,
      effectiveFrom: undefined,
      content: csvOf([rowOf(aDrug()), rowOf(anOriginatorDrug())]),
    });
    expect((await sut.execute(admin, corrected)).catalogue.version).toBe(1);
  });

  it('refuses a member of the group: only its administrators load', async () => {
    const staff = anIdentity({ role: 'primary-staff', groupId: uuidv7() });
    const command = LoadCatalogueCsvCommand.create({
      clientRequestId: uuidv7(),
      fromVersion: 0,
      effectiveFrom: undefined,
      content: csvOf([rowOf(aDrug())]),
    });

    await expect(sut.execute(staff, command)).rejects.toMatchObject({ code: CatalogueErrorCode.Forbidden });
  });

  it('refuses a load from a version other than the one the catalogue stands at', async () => {
    const admin = anAdmin();
    const command = (fromVersion: number) =>
      LoadCatalogueCsvCommand.create({
        clientRequestId: uuidv7(),
        fromVersion,
        effectiveFrom: undefined,
        content: csvOf([rowOf(aDrug())]),
      });
    await sut.execute(admin, command(0));

    await expect(sut.execute(admin, command(0))).rejects.toMatchObject({
      code: CatalogueErrorCode.StaleCatalogueVersion,
    });
  });
});
