import { type PractitionerSnapshot } from './practitioner';

export interface PractitionerSearch {
  nameContains?: string;
  institutionId?: string;
  /** A specialty and its sub-specialties ("03" finds "03" and "03.04"). */
  specialtyCode?: string;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** Persistence port of practitioners. */
export abstract class PractitionerRepository {
  /** Refuses a second practitioner of one licence number (DUPLICATE_LICENCE_NUMBER). */
  abstract insert(practitioner: PractitionerSnapshot): Promise<void>;
  /** Saves a changed practitioner if its stored version is still `expectedVersion` (else VERSION_CONFLICT). */
  abstract update(practitioner: PractitionerSnapshot, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<PractitionerSnapshot | null>;
  /** Those of `ids` that exist, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<PractitionerSnapshot[]>;
  /** Keyset-paged on (name, id). */
  abstract search(search: PractitionerSearch): Promise<PractitionerSnapshot[]>;
}
