import { Injectable } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { type CatalogueItem } from '../domain/catalogue-item';
import { RecognitionCatalogueRepository } from '../domain/recognition-catalogue.repository';

/** How long a look-up trusts what it read of an institution's city and of a catalogue item. */
export const REGION_ITEMS_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Kept<T> {
  readonly value: T;
  readonly until: number;
}

/**
 * An institution's region (its group's city) and a region's catalogue items as "already done?" reads them on every
 * look-up, kept in memory for REGION_ITEMS_TTL_MS so a look-up's only reads are the results' index and the
 * client request. A catalogue edit forgets its region here once committed; another replica of the service sees
 * the edit at most REGION_ITEMS_TTL_MS later (a compromise for the look-up's rate: catalogues change a few times
 * a year). An institution whose city is not known yet is asked again each time.
 */
@Injectable()
export class RegionItems {
  private readonly regions = new Map<string, Kept<string>>();
  private readonly items = new Map<string, Kept<CatalogueItem | null>>();

  constructor(
    private readonly registry: RegistryView,
    private readonly catalogues: RecognitionCatalogueRepository,
  ) {}

  async regionOf(institutionId: string, now = Date.now()): Promise<string | null> {
    const kept = this.regions.get(institutionId);
    if (kept && kept.until > now) return kept.value;
    const regionId = await this.registry.cityOfInstitution(institutionId);
    if (regionId !== null) this.keep(this.regions, institutionId, regionId, now);
    return regionId;
  }

  async item(regionId: string, code: string, now = Date.now()): Promise<CatalogueItem | null> {
    const key = `${regionId}|${code}`;
    const kept = this.items.get(key);
    if (kept && kept.until > now) return kept.value;
    const item = await this.catalogues.findItem(regionId, code);
    this.keep(this.items, key, item, now);
    return item;
  }

  /** A region's catalogue changed: its items are read again. */
  forget(regionId: string): void {
    for (const key of this.items.keys()) if (key.startsWith(`${regionId}|`)) this.items.delete(key);
  }

  private keep<T>(map: Map<string, Kept<T>>, key: string, value: T, now: number): void {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { value, until: now + REGION_ITEMS_TTL_MS });
  }
}
