import { type labReportServiceV1, resultServiceV1 as pb } from '@medgrid/contracts';
import {
  type AbnormalFlag,
  type Observation,
  type ObservationValue,
} from '../../reporting/domain/observation';
import { type Modality } from '../../recognition/domain/catalogue-item';
import { observationToProto } from '../../reporting/contracts/report.proto-mapper';
import { type ResultView } from '../domain/result-access';
import { type ResultStatus, type StudyReference } from '../domain/result-record';

const STATUS_TO: Record<ResultStatus, pb.ResultStatus> = {
  final: pb.ResultStatus.RESULT_STATUS_FINAL,
  amended: pb.ResultStatus.RESULT_STATUS_AMENDED,
  'entered-in-error': pb.ResultStatus.RESULT_STATUS_ENTERED_IN_ERROR,
};

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * An observation as a request carries it. A value in none of the three forms reads as an empty text, which the
 * observation's check refuses (observations[2].value.text REQUIRED).
 */
export function observationFromProto(o: labReportServiceV1.Observation): Observation {
  const value: ObservationValue = o.quantity
    ? { kind: 'quantity', value: o.quantity.value, unit: o.quantity.unit }
    : o.coded
      ? { kind: 'coded', system: o.coded.system, code: o.coded.code, display: o.coded.display }
      : { kind: 'text', text: o.text ?? '' };
  return {
    itemCode: o.itemCode.trim().toUpperCase(),
    nationalCode: orNull(o.nationalCode),
    loinc: orNull(o.loinc),
    name: o.name.trim(),
    value,
    referenceRange: o.referenceRange
      ? { low: o.referenceRange.low ?? null, high: o.referenceRange.high ?? null }
      : null,
    flag: (o.flag.trim().toUpperCase() || 'N') as AbnormalFlag,
  };
}

export function studyFromProto(study: pb.ResultStudy | undefined): StudyReference | null {
  if (!study) return null;
  return {
    studyInstanceUid: study.studyInstanceUid.trim(),
    accessionNumber: study.accessionNumber.trim(),
    modalities: study.modalities.map((m) => m.trim().toUpperCase() as Modality),
  };
}

/** A result as its reader may see it: a masked one carries its items and names, never values or conclusion. */
export function resultToProto(view: ResultView): pb.Result {
  const r = view.result;
  return {
    id: r.id,
    groupId: r.groupId,
    patientResidentId: r.patientResidentId,
    itemCode: r.itemCode,
    itemKind: r.itemKind,
    orderId: r.orderId ?? '',
    reportId: r.reportId ?? '',
    reportVersion: r.reportVersion,
    performer: {
      institutionId: r.performer.institutionId,
      groupId: r.performer.groupId ?? '',
      regionId: r.performer.regionId ?? '',
      accredited: r.performer.quality.accredited,
      qualityControlPassed: r.performer.quality.qualityControlPassed,
    },
    performedAt: r.performedAt,
    reportedAt: r.reportedAt,
    observations: view.masked
      ? view.result.observations.map((o) => ({
          observation: {
            itemCode: o.itemCode,
            nationalCode: o.nationalCode ?? '',
            loinc: o.loinc ?? '',
            name: o.name,
            referenceRange: undefined,
            flag: '',
          },
          masked: true,
        }))
      : view.result.observations.map((o) => ({ observation: observationToProto(o), masked: false })),
    conclusion: r.conclusion ?? '',
    study: r.study
      ? {
          studyInstanceUid: r.study.studyInstanceUid,
          accessionNumber: r.study.accessionNumber,
          modalities: [...r.study.modalities],
        }
      : undefined,
    dataClass: r.dataClass,
    status: STATUS_TO[r.status],
    enteredInErrorReason: r.enteredInErrorReason ?? '',
    masked: view.masked,
    version: r.version,
  };
}
