import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { type DrugCatalogueRepository } from '../../catalogue/domain/drug-catalogue.repository';
import { aDrug } from '../../catalogue/test/drug.factory';
import { CataloguesInForce } from './catalogues-in-force';

const at = new Date('2027-02-01T09:00:00Z');

/** A repository whose group's catalogue stands at `version` (one load each version), counting the loads. */
function aRepository() {
  const state = { version: 1, loads: 0, fail: false };
  const load = jest.fn(async (groupId: string): Promise<DrugCatalogue> => {
    state.loads += 1;
    await Promise.resolve();
    if (state.fail) throw new Error('connection lost');
    const catalogue = DrugCatalogue.empty(groupId);
    for (let v = 0; v < state.version; v++) catalogue.put(aDrug({ strength: `${v + 1} mg` }), at, v, at);
    return catalogue;
  });
  return { state, repository: { load } as unknown as DrugCatalogueRepository };
}

describe(CataloguesInForce.name, () => {
  it('loads a group’s catalogue once per version, concurrent checks sharing the load', async () => {
    const { state, repository } = aRepository();
    const sut = new CataloguesInForce(repository);

    const [a, b] = await Promise.all([sut.of('g', 1), sut.of('g', 1)]);
    await sut.of('g', 1);

    expect(a).toBe(b);
    expect(state.loads).toBe(1);
  });

  it('loads again when the version read is newer than the one kept, and never serves an older one', async () => {
    const { state, repository } = aRepository();
    const sut = new CataloguesInForce(repository);
    await sut.of('g', 1);

    state.version = 2;
    const newer = (await sut.of('g', 2)) as DrugCatalogue;
    await sut.of('g', 1);

    expect(newer.version).toBe(2);
    expect(newer.drugAt(aDrug().code, at)?.strength).toBe('2 mg');
    expect(state.loads).toBe(2);
  });

  it('keeps no failed load, and answers an empty catalogue before the first change without a load', async () => {
    const { state, repository } = aRepository();
    const sut = new CataloguesInForce(repository);
    state.fail = true;
    await expect(sut.of('g', 1)).rejects.toThrow('connection lost');

    state.fail = false;
    await sut.of('g', 1);
    const empty = await sut.of('other', 0);

    expect(state.loads).toBe(2);
    expect(empty.drugAt(aDrug().code, at)).toBeUndefined();
  });
});
