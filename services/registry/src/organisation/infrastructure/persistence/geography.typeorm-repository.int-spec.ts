import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { type City, type Department, type Grid } from '../../domain/geography';
import { GeographyTypeormRepository } from './geography.typeorm-repository';

describe(GeographyTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let given: RegistryFixtures;
  let sut: GeographyTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('geography_repository');
    given = db.given;
    sut = new GeographyTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  it('stores a city and reads back every field, and nothing for an unknown id', async () => {
    const city: City = { id: uuidv7(), divisionCode: '440100', name: '广州市' };

    await sut.insertCity(city);

    expect(await sut.findCity(city.id)).toEqual(city);
    expect(await sut.findCity(uuidv7())).toBeNull();
  });

  it('refuses a second city of one division code, naming divisionCode', async () => {
    const { divisionCode } = await given.city();

    await expect(sut.insertCity({ id: uuidv7(), divisionCode, name: '又一个' })).rejects.toMatchObject({
      code: 'DUPLICATE_DIVISION_CODE',
      violations: [expect.objectContaining({ field: 'divisionCode' })],
    });
  });

  it('stores grids and lists a city’s grids by code, no other city’s; nothing for an unknown grid', async () => {
    const city = await given.city();
    const other = await given.city();
    const b: Grid = { id: uuidv7(), cityId: city.id, code: 'B-02', name: '乙网格' };
    const a: Grid = { id: uuidv7(), cityId: city.id, code: 'A-01', name: '甲网格' };
    await sut.insertGrid(b);
    await sut.insertGrid(a);
    await sut.insertGrid({ id: uuidv7(), cityId: other.id, code: 'A-00', name: '外市网格' });

    expect(await sut.findGrid(a.id)).toEqual(a);
    expect(await sut.listGrids(city.id)).toEqual([a, b]);
    expect(await sut.findGrid(uuidv7())).toBeNull();
    expect(await sut.listGrids(uuidv7())).toEqual([]);
  });

  it('refuses a second grid of one code in a city, naming code; another city may use the code', async () => {
    const grid = await given.grid();
    const other = await given.city();

    await expect(
      sut.insertGrid({ id: uuidv7(), cityId: grid.cityId, code: grid.code, name: '重名' }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_GRID_CODE',
      violations: [expect.objectContaining({ field: 'code' })],
    });
    await expect(
      sut.insertGrid({ id: uuidv7(), cityId: other.id, code: grid.code, name: '外市' }),
    ).resolves.toBeUndefined();
  });

  it('stores departments and lists an institution’s by specialty code, then name, no other’s', async () => {
    const institution = await given.institution();
    const elsewhere = await given.institution();
    const department = (specialtyCode: string, name: string, institutionId = institution.id): Department => ({
      id: uuidv7(),
      institutionId,
      specialtyCode,
      name,
    });
    const surgery = department('04', '外科');
    const cardiology = department('03.04', '心血管内科');
    const internal = department('03', '内科');
    const internalB = department('03', '内科二病区');
    for (const d of [
      surgery,
      internalB,
      cardiology,
      internal,
      department('01', '预防保健科', elsewhere.id),
    ]) {
      await sut.insertDepartment(d);
    }

    expect(await sut.listDepartments(institution.id)).toEqual([internal, internalB, cardiology, surgery]);
    expect(await sut.listDepartments(uuidv7())).toEqual([]);
  });

  it('refuses a second department of one name at an institution, naming name', async () => {
    const institution = await given.institution();
    await sut.insertDepartment({
      id: uuidv7(),
      institutionId: institution.id,
      specialtyCode: '03',
      name: '内科',
    });

    await expect(
      sut.insertDepartment({
        id: uuidv7(),
        institutionId: institution.id,
        specialtyCode: '04',
        name: '内科',
      }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_DEPARTMENT',
      violations: [expect.objectContaining({ field: 'name' })],
    });
  });
});
