import { type StoredCriteria } from '../../domain/criteria.repository';
import { type CriteriaEntryOrmEntity } from './criteria-entry.orm-entity';

export function criteriaToEntity(stored: StoredCriteria): CriteriaEntryOrmEntity {
  return { key: stored.key, definition: stored.input, updatedAt: stored.updatedAt };
}

export function criteriaFromEntity(entity: CriteriaEntryOrmEntity): StoredCriteria {
  return { key: entity.key, input: entity.definition, updatedAt: entity.updatedAt };
}
