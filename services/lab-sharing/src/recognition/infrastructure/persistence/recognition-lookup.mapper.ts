import { type RecognitionLookupSnapshot } from '../../domain/recognition-lookup';
import { type RecognitionLookupOrmEntity } from './recognition-lookup.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function lookupToEntity(s: RecognitionLookupSnapshot): RecognitionLookupOrmEntity {
  return {
    id: s.id,
    groupId: s.groupId,
    patientResidentId: s.patientResidentId,
    itemCode: s.itemCode,
    orderingInstitutionId: s.orderingInstitutionId,
    lookedUpAt: s.lookedUpAt,
    offered: s.offered.map((o) => ({
      resultId: o.resultId,
      performedAt: o.performedAt.toISOString(),
      performingInstitutionId: o.performingInstitutionId,
      mark: o.mark,
      validUntil: o.validUntil.toISOString(),
    })),
    outcome: s.outcome,
    reusedResultId: s.reusedResultId,
    reason: s.reason,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    version: s.version,
  };
}

export function lookupFromEntity(e: RecognitionLookupOrmEntity): RecognitionLookupSnapshot {
  return {
    id: e.id,
    groupId: e.groupId,
    patientResidentId: e.patientResidentId,
    itemCode: e.itemCode,
    orderingInstitutionId: e.orderingInstitutionId,
    lookedUpAt: e.lookedUpAt,
    offered: e.offered.map((o) => ({
      resultId: o.resultId,
      performedAt: new Date(o.performedAt),
      performingInstitutionId: o.performingInstitutionId,
      mark: o.mark as RecognitionLookupSnapshot['offered'][number]['mark'],
      validUntil: new Date(o.validUntil),
    })),
    outcome: e.outcome as RecognitionLookupSnapshot['outcome'],
    reusedResultId: e.reusedResultId,
    reason: e.reason,
    decidedBy: e.decidedBy,
    decidedAt: e.decidedAt,
    version: e.version,
  };
}
