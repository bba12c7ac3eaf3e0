import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type DiseaseCriteria } from '../../domain/disease-criteria';
import { STARTER_CRITERIA } from '../../domain/starter-catalogue';
import { aDiseaseCriteria } from '../../test/disease-criteria.factory';
import { everyRequestNew, InMemoryCriteria, inlineUnitOfWork } from '../../test/in-memory-criteria';
import { StoredCatalogue } from '../stored-catalogue';
import { PutCriteriaCommand } from './put-criteria.command';
import { PutCriteriaUseCase } from './put-criteria.use-case';

const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
const put = (entry: DiseaseCriteria) =>
  PutCriteriaCommand.create({ entry: entry.toInput(), clientRequestId: uuidv7() });
const rabies = aDiseaseCriteria({ covers: ['A82'], nameZh: '狂犬病', nameEn: 'Rabies' });

describe(PutCriteriaUseCase.name, () => {
  let repository: InMemoryCriteria;
  let catalogue: StoredCatalogue;
  let sut: PutCriteriaUseCase;

  beforeEach(() => {
    repository = new InMemoryCriteria();
    catalogue = new StoredCatalogue(inlineUnitOfWork, repository);
    sut = new PutCriteriaUseCase(inlineUnitOfWork, repository, catalogue, everyRequestNew);
  });

  it('loads the starter catalogue before the first edit, so an edit never skips it', async () => {
    const stored = await sut.execute(operator, put(rabies));

    expect(stored).toMatchObject({ key: 'A82', entry: { nameEn: 'Rabies' } });
    expect(repository.rows.size).toBe(STARTER_CRITERIA.length + 1);
    const current = await catalogue.current();
    expect(current.lookup('A82')?.nameEn).toBe('Rabies');
    expect(current.lookup('I10')?.covers[0]).toBe('I10-I13');
  });

  it('replaces the entry with the same key', async () => {
    const renamed = aDiseaseCriteria({ covers: ['A82'], nameZh: '狂犬病', nameEn: 'Rabies (group edition)' });
    await sut.execute(operator, put(rabies));

    await sut.execute(operator, put(renamed));

    expect(repository.rows.get('A82')?.input.nameEn).toBe('Rabies (group edition)');
    expect(repository.rows.size).toBe(STARTER_CRITERIA.length + 1);
  });

  it('refuses an entry claiming codes of another, naming the field inside the request’s entry', async () => {
    const clash = aDiseaseCriteria({
      covers: ['I11'],
      nameZh: '高血压心脏病',
      nameEn: 'Hypertensive heart disease',
    });

    const error = await sut.execute(operator, put(clash)).catch((e: unknown) => e);

    expect(error).toMatchObject({ category: 'already-exists', code: 'OVERLAPPING_COVERAGE' });
    expect((error as { violations: { field: string }[] }).violations[0]?.field).toMatch(/^entry\./);
    expect(repository.rows.has('I11')).toBe(false);
  });

  it('refuses an edit by anyone but a city operator, storing nothing', async () => {
    await expect(sut.execute(anIdentity({ role: 'group-admin' }), put(rabies))).rejects.toMatchObject({
      category: 'permission-denied',
    });
    expect(repository.rows.size).toBe(0);
  });
});
