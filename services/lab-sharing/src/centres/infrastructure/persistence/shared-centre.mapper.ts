import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { type SharedCentreOrmEntity } from './shared-centre.orm-entity';

// Every field spelled out both ways, so a field added on one side does not compile until mapped.

export function sharedCentreToEntity(centre: SharedCentreSnapshot): SharedCentreOrmEntity {
  return {
    id: centre.id,
    groupId: centre.groupId,
    kind: centre.kind,
    name: centre.name,
    hostInstitutionId: centre.hostInstitutionId,
    servedInstitutionIds: [...centre.servedInstitutionIds],
    status: centre.status,
    registeredAt: centre.registeredAt,
    closedAt: centre.closedAt,
    version: centre.version,
  };
}

export function sharedCentreFromEntity(entity: SharedCentreOrmEntity): SharedCentreSnapshot {
  return {
    id: entity.id,
    groupId: entity.groupId,
    kind: entity.kind,
    name: entity.name,
    hostInstitutionId: entity.hostInstitutionId,
    servedInstitutionIds: [...entity.servedInstitutionIds],
    status: entity.status,
    registeredAt: entity.registeredAt,
    closedAt: entity.closedAt,
    version: entity.version,
  };
}
