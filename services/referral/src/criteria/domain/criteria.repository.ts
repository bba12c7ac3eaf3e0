import { type DiseaseCriteriaInput } from './disease-criteria';

/** One stored entry of the catalogue, as it was put. */
export interface StoredCriteria {
  /** The entry's first covered code or range, e.g. "I10-I13". */
  readonly key: string;
  readonly input: DiseaseCriteriaInput;
  readonly updatedAt: Date;
}

/** The entry's key: its first covered code or range, so a group cannot store the same disease twice. */
export const criteriaKey = (input: DiseaseCriteriaInput): string => input.covers[0]?.trim() ?? '';

/** Persistence port of the editable criteria catalogue. */
export abstract class CriteriaRepository {
  /** Bumped by every edit; 0 until the catalogue was first seeded or edited. */
  abstract version(): Promise<number>;
  abstract all(): Promise<StoredCriteria[]>;
  /** Inside a transaction: serialises edits and returns the version it holds. */
  abstract lockCatalogue(): Promise<number>;
  abstract put(key: string, input: DiseaseCriteriaInput, now: Date): Promise<void>;
  abstract remove(key: string): Promise<boolean>;
  abstract bumpVersion(): Promise<void>;
}
