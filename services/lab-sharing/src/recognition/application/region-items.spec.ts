import { type RegistryView } from '@medgrid/registry-view';
import { type CatalogueItem } from '../domain/catalogue-item';
import { type RecognitionCatalogueRepository } from '../domain/recognition-catalogue.repository';
import { aLabItem } from '../test/catalogue-item.factory';
import { REGION_ITEMS_TTL_MS, RegionItems } from './region-items';

function counted() {
  const calls = { city: 0, item: 0 };
  let city: string | null = 'city-1';
  let item: CatalogueItem | null = aLabItem();
  const registry = {
    cityOfInstitution: () => {
      calls.city += 1;
      return Promise.resolve(city);
    },
  } as unknown as RegistryView;
  const catalogues = {
    findItem: () => {
      calls.item += 1;
      return Promise.resolve(item);
    },
  } as unknown as RecognitionCatalogueRepository;
  return {
    sut: new RegionItems(registry, catalogues),
    calls,
    setCity: (value: string | null) => (city = value),
    setItem: (value: CatalogueItem | null) => (item = value),
  };
}

describe(RegionItems.name, () => {
  it('reads an institution’s city and an item once within the time it trusts them, then again', async () => {
    const { sut, calls } = counted();

    await sut.regionOf('i-1', 0);
    await sut.regionOf('i-1', REGION_ITEMS_TTL_MS - 1);
    await sut.item('city-1', 'LAB-GLU', 0);
    await sut.item('city-1', 'LAB-GLU', REGION_ITEMS_TTL_MS - 1);
    expect(calls).toEqual({ city: 1, item: 1 });

    await sut.regionOf('i-1', REGION_ITEMS_TTL_MS);
    await sut.item('city-1', 'LAB-GLU', REGION_ITEMS_TTL_MS);
    expect(calls).toEqual({ city: 2, item: 2 });
  });

  it('asks again for a city not known yet', async () => {
    const { sut, calls, setCity } = counted();
    setCity(null);

    expect(await sut.regionOf('i-1', 0)).toBeNull();
    setCity('city-1');
    expect(await sut.regionOf('i-1', 1)).toBe('city-1');
    expect(calls.city).toBe(2);
  });

  it('reads a region’s items again once its catalogue changed, a missing item included', async () => {
    const { sut, calls, setItem } = counted();
    setItem(null);
    expect(await sut.item('city-1', 'LAB-NEW', 0)).toBeNull();

    setItem(aLabItem({ code: 'LAB-NEW' }));
    sut.forget('city-1');

    expect(await sut.item('city-1', 'LAB-NEW', 1)).toMatchObject({ code: 'LAB-NEW' });
    expect(calls.item).toBe(2);
  });
});
