import { Injectable } from '@nestjs/common';
import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { DrugCatalogueRepository } from '../../catalogue/domain/drug-catalogue.repository';
import { type PrescribingCatalogue } from '../domain/prescription-check';

/** Groups whose catalogues are kept; beyond, the one kept longest is dropped (a city has tens of groups). */
const MAX_GROUPS = 64;

/**
 * The groups' whole catalogues kept in memory by version, for prescription checks: a check reads the version its
 * group's catalogue stands at (one column of its one read) and gets the catalogue loaded at that version or a
 * later one; a change of the catalogue moves its version, so the next check loads it again. Nothing is served
 * older than the version read. A catalogue holds every version of every drug by its effective instant, so one
 * kept across midnight still answers the drug in force at each check's instant. Concurrent checks of a version not
 * kept yet share one load.
 */
@Injectable()
export class CataloguesInForce {
  private readonly kept = new Map<string, { version: number; catalogue: Promise<DrugCatalogue> }>();

  constructor(private readonly catalogues: DrugCatalogueRepository) {}

  of(groupId: string, version: number): Promise<PrescribingCatalogue> {
    if (version <= 0) return Promise.resolve(DrugCatalogue.empty(groupId));
    const kept = this.kept.get(groupId);
    if (kept && kept.version >= version) return kept.catalogue;
    const entry = { version, catalogue: this.catalogues.load(groupId, false) };
    this.kept.delete(groupId);
    if (this.kept.size >= MAX_GROUPS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(groupId, entry);
    entry.catalogue.then(
      // Loaded later than its version was read: it may stand at a newer one, which later checks can use.
      (catalogue) => {
        entry.version = Math.max(entry.version, catalogue.version);
      },
      () => {
        if (this.kept.get(groupId) === entry) this.kept.delete(groupId);
      },
    );
    return entry.catalogue;
  }
}
