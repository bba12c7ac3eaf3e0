import { type DataClass } from '../../../common/data-class';
import { type ItemKind } from '../../../common/exam-kinds';
import { type ResultRecordSnapshot, type ResultStatus } from '../../domain/result-record';
import { type ResultRecordOrmEntity } from './result-record.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function resultToEntity(s: ResultRecordSnapshot): ResultRecordOrmEntity {
  return {
    id: s.id,
    groupId: s.groupId,
    patientResidentId: s.patientResidentId,
    itemCode: s.itemCode,
    itemKind: s.itemKind,
    orderId: s.orderId,
    reportId: s.reportId,
    reportVersion: s.reportVersion,
    performerInstitutionId: s.performer.institutionId,
    performerGroupId: s.performer.groupId,
    performerRegionId: s.performer.regionId,
    performerAccredited: s.performer.quality.accredited,
    performerQualityControlPassed: s.performer.quality.qualityControlPassed,
    performedAt: s.performedAt,
    reportedAt: s.reportedAt,
    observations: [...s.observations],
    conclusion: s.conclusion,
    study: s.study,
    dataClass: s.dataClass,
    status: s.status,
    enteredInErrorReason: s.enteredInErrorReason,
    version: s.version,
  };
}

export function resultFromEntity(e: ResultRecordOrmEntity): ResultRecordSnapshot {
  return {
    id: e.id,
    groupId: e.groupId,
    patientResidentId: e.patientResidentId,
    itemCode: e.itemCode,
    itemKind: e.itemKind as ItemKind,
    orderId: e.orderId,
    reportId: e.reportId,
    reportVersion: e.reportVersion,
    performer: {
      institutionId: e.performerInstitutionId,
      groupId: e.performerGroupId,
      regionId: e.performerRegionId,
      quality: { accredited: e.performerAccredited, qualityControlPassed: e.performerQualityControlPassed },
    },
    performedAt: e.performedAt,
    reportedAt: e.reportedAt,
    observations: e.observations,
    conclusion: e.conclusion,
    study: e.study,
    dataClass: e.dataClass as DataClass,
    status: e.status as ResultStatus,
    enteredInErrorReason: e.enteredInErrorReason,
    version: e.version,
  };
}
