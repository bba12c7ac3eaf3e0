import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aDiseaseCriteriaInput } from '../../test/disease-criteria.factory';
import { everyRequestNew, InMemoryCriteria, inlineUnitOfWork } from '../../test/in-memory-criteria';
import { StoredCatalogue } from '../stored-catalogue';
import { RemoveCriteriaCommand } from './remove-criteria.command';
import { RemoveCriteriaUseCase } from './remove-criteria.use-case';

const remove = (key: string) => RemoveCriteriaCommand.create({ key, clientRequestId: uuidv7() });
const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

describe(RemoveCriteriaUseCase.name, () => {
  let repository: InMemoryCriteria;
  let catalogue: StoredCatalogue;
  let sut: RemoveCriteriaUseCase;

  beforeEach(async () => {
    repository = new InMemoryCriteria();
    catalogue = new StoredCatalogue(inlineUnitOfWork, repository);
    sut = new RemoveCriteriaUseCase(inlineUnitOfWork, repository, catalogue, everyRequestNew);
    await catalogue.load();
    await repository.put(
      'A82',
      aDiseaseCriteriaInput({ covers: ['A82'], nameZh: '狂犬病', nameEn: 'Rabies' }),
      new Date(),
    );
    await repository.bumpVersion();
  });

  it('removes an entry by its key, so the catalogue no longer covers its codes', async () => {
    await sut.execute(operator, remove('A82'));

    expect(repository.rows.has('A82')).toBe(false);
    expect((await catalogue.current()).lookup('A82')).toBeUndefined();
  });

  it('refuses a key that names no entry as not found', async () => {
    await expect(sut.execute(operator, remove('Z99'))).rejects.toMatchObject({
      category: 'not-found',
      violations: [expect.objectContaining({ field: 'key' })],
    });
  });

  it('refuses anyone but a city operator, removing nothing', async () => {
    await expect(sut.execute(anIdentity({ role: 'group-admin' }), remove('A82'))).rejects.toMatchObject({
      category: 'permission-denied',
    });
    expect(repository.rows.has('A82')).toBe(true);
  });
});
