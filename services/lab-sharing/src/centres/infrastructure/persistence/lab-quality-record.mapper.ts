import { type LabQualityRecordSnapshot } from '../../domain/lab-quality';
import { type LabQualityRecordOrmEntity } from './lab-quality-record.orm-entity';

export function labQualityRecordToEntity(record: LabQualityRecordSnapshot): LabQualityRecordOrmEntity {
  return {
    id: record.id,
    institutionId: record.institutionId,
    kind: record.kind,
    reference: record.reference,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    recordedBy: record.recordedBy.subject,
    recordedByInstitutionId: record.recordedBy.institutionId,
    recordedAt: record.recordedAt,
  };
}

export function labQualityRecordFromEntity(entity: LabQualityRecordOrmEntity): LabQualityRecordSnapshot {
  return {
    id: entity.id,
    institutionId: entity.institutionId,
    kind: entity.kind,
    reference: entity.reference,
    validFrom: entity.validFrom,
    validUntil: entity.validUntil,
    recordedBy: { subject: entity.recordedBy, institutionId: entity.recordedByInstitutionId },
    recordedAt: entity.recordedAt,
  };
}
