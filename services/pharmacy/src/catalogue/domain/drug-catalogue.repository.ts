import { type DrugCatalogue, type DrugChanged } from './drug-catalogue';

/** Who changed a catalogue, kept with the change. */
export interface CatalogueEditor {
  readonly subject: string;
  readonly role: string;
}

/** What a change did, as its history names it. */
export type CatalogueChangeKind = 'loaded' | 'drug-put' | 'drug-withdrawn';

/** The version a group's catalogue stands at, without its drugs. */
export interface CatalogueHead {
  readonly groupId: string;
  readonly version: number;
  readonly changedAt: Date | null;
  /** Drugs on record (listed at some instant). */
  readonly drugCount: number;
}

/**
 * The groups' drug catalogues (all SQL lives in the adapter): every version of every drug by the instant it takes
 * effect, and the history of changes.
 */
export abstract class DrugCatalogueRepository {
  /**
   * The group's whole catalogue (version 0 and no drug before its first change); `lock` makes concurrent changes of
   * one group wait their turn, inside the current transaction.
   */
  abstract load(groupId: string, lock: boolean): Promise<DrugCatalogue>;
  /**
   * The part of the group's catalogue a read needs: the drugs of the codes given, or whose generic name (of any
   * version) contains `genericNameContains`, and every drug of the same generic and form as any of them, so
   * `drugAt` and `sameGenericAndFormAt` answer as on the whole catalogue. Not for a change.
   */
  abstract part(
    groupId: string,
    which: { readonly codes?: readonly string[]; readonly genericNameContains?: string },
  ): Promise<DrugCatalogue>;
  /** The version the group's catalogue stands at. */
  abstract head(groupId: string): Promise<CatalogueHead>;
  /**
   * Stores the changes made to a catalogue loaded (locked) in the current transaction, `readVersion` being the
   * version it was loaded at; a write from a stale read is refused (STALE_CATALOGUE_VERSION).
   */
  abstract save(
    catalogue: DrugCatalogue,
    changes: readonly DrugChanged[],
    readVersion: number,
    kind: CatalogueChangeKind,
    editor: CatalogueEditor,
  ): Promise<void>;
}
