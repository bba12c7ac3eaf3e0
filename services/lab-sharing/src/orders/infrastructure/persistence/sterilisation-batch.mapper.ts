import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { type SterilisationBatchOrmEntity } from './sterilisation-batch.orm-entity';

export function sterilisationBatchToEntity(batch: SterilisationBatchSnapshot): SterilisationBatchOrmEntity {
  return {
    id: batch.id,
    groupId: batch.groupId,
    centreId: batch.centreId,
    centreInstitutionId: batch.centreInstitutionId,
    sendingInstitutionId: batch.sendingInstitutionId,
    packages: batch.packages.map((p) => ({ code: p.code, name: p.name, quantity: p.quantity })),
    status: batch.status,
    cycles: batch.cycles.map((c) => ({
      cycleId: c.cycleId,
      method: c.method,
      indicatorsPassed: c.indicatorsPassed,
      at: c.at.toISOString(),
    })),
    sentAt: batch.sentAt,
    receivedAt: batch.receivedAt,
    dispatchedAt: batch.dispatchedAt,
    returnedAt: batch.returnedAt,
    version: batch.version,
  };
}

export function sterilisationBatchFromEntity(
  entity: SterilisationBatchOrmEntity,
): SterilisationBatchSnapshot {
  return {
    id: entity.id,
    groupId: entity.groupId,
    centreId: entity.centreId,
    centreInstitutionId: entity.centreInstitutionId,
    sendingInstitutionId: entity.sendingInstitutionId,
    packages: entity.packages.map((p) => ({ code: p.code, name: p.name, quantity: p.quantity })),
    status: entity.status,
    cycles: entity.cycles.map((c) => ({
      cycleId: c.cycleId,
      method: c.method,
      indicatorsPassed: c.indicatorsPassed,
      at: new Date(c.at),
    })),
    sentAt: entity.sentAt,
    receivedAt: entity.receivedAt,
    dispatchedAt: entity.dispatchedAt,
    returnedAt: entity.returnedAt,
    version: entity.version,
  };
}
