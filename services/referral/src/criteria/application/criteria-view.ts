import { type StoredCriteria } from '../domain/criteria.repository';
import { DiseaseCriteria } from '../domain/disease-criteria';

/** A catalogue entry as callers see it: validated, with its key and last change. */
export interface CriteriaView {
  readonly key: string;
  readonly entry: DiseaseCriteria;
  readonly updatedAt: Date;
}

export function criteriaView(stored: StoredCriteria): CriteriaView {
  return { key: stored.key, entry: DiseaseCriteria.create(stored.input), updatedAt: stored.updatedAt };
}
