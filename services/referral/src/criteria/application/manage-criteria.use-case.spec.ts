import { type UnitOfWork } from '@medgrid/database';
import { anIdentity } from '@medgrid/testing';
import { CriteriaRepository, type StoredCriteria } from '../domain/criteria.repository';
import { type DiseaseCriteriaInput } from '../domain/disease-criteria';
import { STARTER_CRITERIA } from '../domain/starter-catalogue';
import { aDiseaseCriteriaInput } from '../test/disease-criteria.factory';
import { CriteriaCatalogueProvider } from './criteria-catalogue.provider';
import { ManageCriteriaUseCase } from './manage-criteria.use-case';

/** The catalogue's rows in memory: this spec is about the seeding rule, not SQL. */
class InMemoryCriteria extends CriteriaRepository {
  readonly rows = new Map<string, StoredCriteria>();
  stateVersion = 0;

  version(): Promise<number> {
    return Promise.resolve(this.stateVersion);
  }
  all(): Promise<StoredCriteria[]> {
    return Promise.resolve([...this.rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1)));
  }
  lockCatalogue(): Promise<number> {
    return this.version();
  }
  put(key: string, input: DiseaseCriteriaInput, now: Date): Promise<void> {
    this.rows.set(key, { key, input, updatedAt: now });
    return Promise.resolve();
  }
  remove(key: string): Promise<boolean> {
    return Promise.resolve(this.rows.delete(key));
  }
  bumpVersion(): Promise<void> {
    this.stateVersion++;
    return Promise.resolve();
  }
}

const uow = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;
const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

describe(ManageCriteriaUseCase.name, () => {
  it('loads the starter catalogue before the first edit, so an edit never skips it', async () => {
    const repository = new InMemoryCriteria();
    const sut = new ManageCriteriaUseCase(uow, repository, new CriteriaCatalogueProvider(uow, repository));
    const rabies = aDiseaseCriteriaInput({ covers: ['A82'], nameZh: '狂犬病', nameEn: 'Rabies' });

    await sut.put(operator, rabies);

    expect(repository.rows.size).toBe(STARTER_CRITERIA.length + 1);
    expect((await sut.lookup('A82')).entry.nameEn).toBe('Rabies');
    expect((await sut.lookup('I10')).key).toBe('I10-I13');
  });

  it('refuses an edit by anyone but a city operator', async () => {
    const repository = new InMemoryCriteria();
    const sut = new ManageCriteriaUseCase(uow, repository, new CriteriaCatalogueProvider(uow, repository));

    await expect(sut.put(anIdentity({ role: 'group-admin' }), aDiseaseCriteriaInput())).rejects.toMatchObject(
      {
        category: 'permission-denied',
      },
    );
    expect(repository.rows.size).toBe(0);
  });

  it('removes an entry by its key, refusing an empty key as missing and an unknown one as not found', async () => {
    const repository = new InMemoryCriteria();
    const sut = new ManageCriteriaUseCase(uow, repository, new CriteriaCatalogueProvider(uow, repository));
    await sut.put(operator, aDiseaseCriteriaInput({ covers: ['A82'], nameZh: '狂犬病', nameEn: 'Rabies' }));

    await expect(sut.remove(operator, '  ')).rejects.toMatchObject({
      category: 'invalid-argument',
      violations: [expect.objectContaining({ field: 'key', reason: 'REQUIRED' })],
    });
    await expect(sut.remove(operator, 'Z99')).rejects.toMatchObject({ category: 'not-found' });
    await sut.remove(operator, 'A82');

    await expect(sut.lookup('A82')).rejects.toMatchObject({ category: 'not-found' });
    expect(repository.rows.has('A82')).toBe(false);
  });
});
