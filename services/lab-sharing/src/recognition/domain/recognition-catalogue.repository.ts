import { type CatalogueItem } from './catalogue-item';
import { type CatalogueChanged, type RecognitionCatalogue } from './recognition-catalogue';

/** Who changed a catalogue, kept in its change history. */
export interface CatalogueEditor {
  readonly subject: string;
  readonly role: string;
}

/**
 * The regions' recognition catalogues (all SQL lives in the adapter): each region's current items and the history
 * of its changes (every load with its items, every item put with the item, every removal), from which any version
 * can be read again.
 */
export abstract class RecognitionCatalogueRepository {
  /**
   * The region's catalogue as it stands (version 0 and no item before its first load); `lock` makes concurrent
   * changes of one region wait their turn, inside the current transaction.
   */
  abstract load(regionId: string, lock: boolean): Promise<RecognitionCatalogue>;
  /**
   * One item of the region's current catalogue, or null when the region has no such item: what an order or a
   * look-up needs, without reading the whole catalogue.
   */
  abstract findItem(regionId: string, code: string): Promise<CatalogueItem | null>;
  /**
   * Stores the changes made to a catalogue loaded (locked) in the current transaction, `readVersion` being the
   * version it was loaded at; a write from a stale read is refused (STALE_CATALOGUE_VERSION).
   */
  abstract save(
    catalogue: RecognitionCatalogue,
    changes: readonly CatalogueChanged[],
    readVersion: number,
    editor: CatalogueEditor,
  ): Promise<void>;
}
