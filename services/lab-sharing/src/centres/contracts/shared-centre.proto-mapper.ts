import { centreEventsV1, centreServiceV1 as c } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import { type KnownPractitioner } from '@medgrid/registry-view';
import { type CentreKind } from '../../common/exam-kinds';
import { type LabQualityKind, type LabQualityRecordSnapshot } from '../domain/lab-quality';
import { type SharedCentreChange, type SharedCentreSnapshot } from '../domain/shared-centre';

const KINDS: Readonly<Record<CentreKind, c.CentreKind>> = {
  laboratory: c.CentreKind.CENTRE_KIND_LABORATORY,
  imaging: c.CentreKind.CENTRE_KIND_IMAGING,
  ecg: c.CentreKind.CENTRE_KIND_ECG,
  pathology: c.CentreKind.CENTRE_KIND_PATHOLOGY,
  'remote-consultation': c.CentreKind.CENTRE_KIND_REMOTE_CONSULTATION,
  'sterilisation-supply': c.CentreKind.CENTRE_KIND_STERILISATION_SUPPLY,
};

const QUALITY_KINDS: Readonly<Record<LabQualityKind, c.LabQualityKind>> = {
  'iso15189-accreditation': c.LabQualityKind.LAB_QUALITY_KIND_ISO15189_ACCREDITATION,
  'external-quality-assessment': c.LabQualityKind.LAB_QUALITY_KIND_EXTERNAL_QUALITY_ASSESSMENT,
  'image-quality-control': c.LabQualityKind.LAB_QUALITY_KIND_IMAGE_QUALITY_CONTROL,
};

const CHANGES: Readonly<Record<SharedCentreChange, centreEventsV1.CentreChange>> = {
  registered: centreEventsV1.CentreChange.CENTRE_CHANGE_REGISTERED,
  'serving-added': centreEventsV1.CentreChange.CENTRE_CHANGE_SERVING_ADDED,
  'serving-removed': centreEventsV1.CentreChange.CENTRE_CHANGE_SERVING_REMOVED,
  closed: centreEventsV1.CentreChange.CENTRE_CHANGE_CLOSED,
};

/** The kind a request names; undefined for UNSPECIFIED or a number the contract does not know. */
export const centreKindFromProto = keyOf(KINDS);
export const labQualityKindFromProto = keyOf(QUALITY_KINDS);

export function centreKindToProto(kind: CentreKind): c.CentreKind {
  return KINDS[kind];
}

export function centreChangeToProto(change: SharedCentreChange): centreEventsV1.CentreChange {
  return CHANGES[change];
}

export function sharedCentreToProto(centre: SharedCentreSnapshot): c.SharedCentre {
  return {
    id: centre.id,
    groupId: centre.groupId,
    kind: KINDS[centre.kind],
    name: centre.name,
    hostInstitutionId: centre.hostInstitutionId,
    servedInstitutionIds: [...centre.servedInstitutionIds],
    status:
      centre.status === 'active' ? c.CentreStatus.CENTRE_STATUS_ACTIVE : c.CentreStatus.CENTRE_STATUS_CLOSED,
    registeredAt: centre.registeredAt,
    closedAt: centre.closedAt ?? undefined,
    version: centre.version,
  };
}

export function centreReporterToProto(practitioner: KnownPractitioner): c.CentreReporter {
  return {
    practitionerId: practitioner.id,
    name: practitioner.name,
    specialtyCode: practitioner.specialtyCode,
    title: practitioner.title,
  };
}

export function labQualityRecordToProto(record: LabQualityRecordSnapshot): c.LabQualityRecord {
  return {
    id: record.id,
    institutionId: record.institutionId,
    kind: QUALITY_KINDS[record.kind],
    reference: record.reference,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    recordedBy: record.recordedBy.subject,
    recordedByInstitutionId: record.recordedBy.institutionId ?? '',
    recordedAt: record.recordedAt,
  };
}
