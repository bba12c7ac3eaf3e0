import { type DataClass } from '../../../common/data-class';
import { type ItemKind } from '../../../common/exam-kinds';
import { type Urgency } from '../../../common/urgency';
import { type Modality, type Specimen } from '../../../recognition/domain/catalogue-item';
import { type EcgFormat, type ExamData } from '../../domain/exam-data';
import { type OrderSnapshot, type OrderStatus } from '../../domain/order';
import { type ExamJson, type LabOrderOrmEntity } from './lab-order.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity or a field added
// to the snapshot does not compile until it is mapped.

export function examToJson(exam: ExamData): ExamJson {
  switch (exam.kind) {
    case 'imaging-study':
      return {
        kind: exam.kind,
        study: {
          studyInstanceUid: exam.study.studyInstanceUid,
          accessionNumber: exam.study.accessionNumber,
          modalities: [...exam.study.modalities],
          performedAt: exam.study.performedAt.toISOString(),
        },
      };
    case 'ecg-trace':
      return {
        kind: exam.kind,
        trace: {
          traceId: exam.trace.traceId,
          format: exam.trace.format,
          leads: exam.trace.leads,
          recordedAt: exam.trace.recordedAt.toISOString(),
        },
      };
    case 'specimen':
      return {
        kind: exam.kind,
        specimen: {
          barcode: exam.specimen.barcode,
          specimen: exam.specimen.specimen,
          collectedAt: exam.specimen.collectedAt.toISOString(),
        },
      };
    case 'consultation':
      return { kind: 'consultation' };
  }
}

export function examFromJson(json: ExamJson): ExamData {
  switch (json.kind) {
    case 'imaging-study':
      return {
        kind: json.kind,
        study: {
          studyInstanceUid: json.study.studyInstanceUid,
          accessionNumber: json.study.accessionNumber,
          modalities: json.study.modalities as Modality[],
          performedAt: new Date(json.study.performedAt),
        },
      };
    case 'ecg-trace':
      return {
        kind: json.kind,
        trace: {
          traceId: json.trace.traceId,
          format: json.trace.format as EcgFormat,
          leads: json.trace.leads,
          recordedAt: new Date(json.trace.recordedAt),
        },
      };
    case 'specimen':
      return {
        kind: json.kind,
        specimen: {
          barcode: json.specimen.barcode,
          specimen: json.specimen.specimen as Specimen,
          collectedAt: new Date(json.specimen.collectedAt),
        },
      };
    case 'consultation':
      return { kind: 'consultation' };
  }
}

export function orderToEntity(s: OrderSnapshot): LabOrderOrmEntity {
  return {
    id: s.id,
    groupId: s.groupId,
    centreId: s.centreId,
    orderingInstitutionId: s.orderingInstitutionId,
    orderingPractitionerId: s.orderingPractitionerId,
    patientResidentId: s.patientResidentId,
    itemCode: s.item.code,
    itemKind: s.item.kind,
    itemModality: s.item.modality,
    itemSpecimen: s.item.specimen,
    itemDataClass: s.item.dataClass,
    clinicalInfo: s.clinicalInfo,
    urgency: s.urgency,
    referralId: s.referralId,
    lookupId: s.lookupId,
    status: s.status,
    placedAt: s.placedAt,
    exam: s.exam ? examToJson(s.exam) : null,
    performedAt: s.performedAt,
    reportId: s.reportId,
    reportedAt: s.reportedAt,
    cancelReason: s.cancelReason,
    cancelledAt: s.cancelledAt,
    version: s.version,
  };
}

export function orderFromEntity(e: LabOrderOrmEntity): OrderSnapshot {
  return {
    id: e.id,
    groupId: e.groupId,
    centreId: e.centreId,
    orderingInstitutionId: e.orderingInstitutionId,
    orderingPractitionerId: e.orderingPractitionerId,
    patientResidentId: e.patientResidentId,
    item: {
      code: e.itemCode,
      kind: e.itemKind as ItemKind,
      modality: e.itemModality as Modality | null,
      specimen: e.itemSpecimen as Specimen | null,
      dataClass: e.itemDataClass as DataClass,
    },
    clinicalInfo: e.clinicalInfo,
    urgency: e.urgency as Urgency,
    referralId: e.referralId,
    lookupId: e.lookupId,
    status: e.status as OrderStatus,
    placedAt: e.placedAt,
    exam: e.exam ? examFromJson(e.exam) : null,
    performedAt: e.performedAt,
    reportId: e.reportId,
    reportedAt: e.reportedAt,
    cancelReason: e.cancelReason,
    cancelledAt: e.cancelledAt,
    version: e.version,
  };
}
