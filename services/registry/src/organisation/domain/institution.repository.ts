import { type InstitutionStanding } from '@medgrid/auth';
import { type Institution } from './institution';
import { type InstitutionLevel, type InstitutionType } from './institution-classification';

export interface InstitutionSearch {
  nameContains?: string;
  creditCode?: string;
  gridId?: string;
  groupId?: string;
  level?: InstitutionLevel;
  type?: InstitutionType;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** Persistence port of institutions. */
export abstract class InstitutionRepository {
  /** Refuses a second institution of one credit code (DUPLICATE_CREDIT_CODE). */
  abstract insert(institution: Institution): Promise<void>;
  /** Saves a changed institution if its stored version is still `expectedVersion` (else VERSION_CONFLICT). */
  abstract update(institution: Institution, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<Institution | null>;
  /** Those of `ids` that exist, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<Institution[]>;
  /** The group it belongs to and the groups it collaborates with; null when there is no such institution. */
  abstract findStanding(institutionId: string): Promise<InstitutionStanding | null>;
  /** Keyset-paged on (name, id). */
  abstract search(search: InstitutionSearch): Promise<Institution[]>;
}
