import { v7 as uuidv7 } from 'uuid';
import { RegistryTestDatabase } from '../../../test/registry-fixtures';
import { type CsvImport } from '../../domain/csv-import';
import { CsvImportTypeormRepository } from './csv-import.typeorm-repository';

describe(CsvImportTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let sut: CsvImportTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('csv_import_repository');
    sut = new CsvImportTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  it('stores a committed import and reads back every field, and nothing for an unknown id', async () => {
    const csvImport: CsvImport = {
      id: uuidv7(),
      kind: 'residents',
      rows: 300,
      accepted: 300,
      contracts: 120,
      importedAt: new Date('2026-12-04T08:30:00.000Z'),
    };

    await sut.insert(csvImport);

    expect(await sut.findById(csvImport.id)).toEqual(csvImport);
    expect(await sut.findById(uuidv7())).toBeNull();
  });
});
