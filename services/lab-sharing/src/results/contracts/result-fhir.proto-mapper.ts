import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  DiagnosticReport,
  ImagingStudy,
  Observation as FhirObservation,
  Organization,
  Patient,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { v5 as uuidv5 } from 'uuid';
import { type ItemKind } from '../../common/exam-kinds';
import { type Observation } from '../../reporting/domain/observation';
import { type MaskedObservation, type ResultView } from '../domain/result-access';
import { type ResultRecordSnapshot, type ResultStatus } from '../domain/result-record';

/** The code systems the view names (HL7's where one exists, MedGrid's own as URNs). */
export const FHIR_SYSTEMS = {
  catalogueItem: 'urn:medgrid:lab-sharing:catalogue-item',
  nationalItem: 'urn:medgrid:lab-sharing:national-item',
  residentId: 'urn:medgrid:gb11643',
  institution: 'urn:medgrid:institution',
  order: 'urn:medgrid:lab-sharing:order',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  diagnosticService: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  securityLabel: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  dicomModality: 'http://dicom.nema.org/resources/ontology/DCM',
  dicomUid: 'urn:dicom:uid',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
} as const;

// Observations' and the study's ids are derived from the result's, so the same result always gives the same
// bundle (a partner may store it and compare).
const NAMESPACE = '4b3c0f7e-5d2a-5b8e-9c61-2f0a8d7e6c11';

const SERVICE: Record<ItemKind, string> = {
  laboratory: 'LAB',
  imaging: 'RAD',
  ecg: 'EC',
  pathology: 'SP',
  'remote-consultation': 'OTH',
};

const STUDY_STATUS: Record<ResultStatus, ImagingStudy['status']> = {
  final: 'available',
  amended: 'available',
  'entered-in-error': 'entered-in-error',
};

/**
 * A result as a FHIR R4 Bundle (collection): the DiagnosticReport first, then one Observation per observation and,
 * for an imaging result, its ImagingStudy (the study stays in the site's PACS: identified, not copied). A masked
 * result leaves out every value, range, flag and the conclusion: its observations carry a data-absent reason
 * "masked" and the report the MASKED security label; a sensitive result is labelled restricted (R) either way.
 */
export function resultToFhirBundle(view: ResultView): Bundle {
  const r = view.result;
  const reportUrl = `urn:uuid:${r.id}`;
  const subject: Reference<Patient> = {
    type: 'Patient',
    identifier: { system: FHIR_SYSTEMS.residentId, value: r.patientResidentId },
  };
  const performer: Reference<Organization> = {
    type: 'Organization',
    identifier: { system: FHIR_SYSTEMS.institution, value: r.performer.institutionId },
  };
  const status = r.status === 'entered-in-error' ? 'entered-in-error' : r.status;
  const observations = view.masked
    ? view.result.observations.map((o, i) => maskedObservation(r, o, i, subject, performer))
    : view.result.observations.map((o, i) => observationOf(view.result, o, i, subject, performer));
  const study = r.study ? imagingStudyOf(r, subject) : null;
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: r.id,
    meta: { security: securityOf(r, view.masked) },
    ...(r.orderId
      ? {
          basedOn: [{ type: 'ServiceRequest', identifier: { system: FHIR_SYSTEMS.order, value: r.orderId } }],
        }
      : {}),
    status,
    category: [{ coding: [{ system: FHIR_SYSTEMS.diagnosticService, code: SERVICE[r.itemKind] }] }],
    code: itemCode(r.itemCode, r.observations.find((o) => o.itemCode === r.itemCode)?.loinc ?? null),
    subject,
    effectiveDateTime: r.performedAt.toISOString(),
    issued: r.reportedAt.toISOString(),
    performer: [performer],
    result: observations.map((o) => ({ reference: `urn:uuid:${o.id}`, type: 'Observation' })),
    ...(study ? { imagingStudy: [{ reference: `urn:uuid:${study.id}`, type: 'ImagingStudy' }] } : {}),
    ...(!view.masked && r.conclusion ? { conclusion: r.conclusion } : {}),
  };
  const entries: BundleEntry[] = [
    { fullUrl: reportUrl, resource: report },
    ...observations.map((o) => ({ fullUrl: `urn:uuid:${o.id}`, resource: o })),
    ...(study ? [{ fullUrl: `urn:uuid:${study.id}`, resource: study }] : []),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: r.reportedAt.toISOString(),
    entry: entries,
  };
}

function securityOf(r: ResultRecordSnapshot | ResultView['result'], masked: boolean): Coding[] {
  const labels: Coding[] = [];
  if (r.dataClass !== 'general') labels.push({ system: FHIR_SYSTEMS.confidentiality, code: 'R' });
  if (masked) labels.push({ system: FHIR_SYSTEMS.securityLabel, code: 'MASKED' });
  return labels;
}

function itemCode(
  code: string,
  loinc: string | null,
  name?: string,
  nationalCode?: string | null,
): CodeableConcept {
  const coding: Coding[] = [{ system: FHIR_SYSTEMS.catalogueItem, code, ...(name ? { display: name } : {}) }];
  if (nationalCode) coding.push({ system: FHIR_SYSTEMS.nationalItem, code: nationalCode });
  if (loinc) coding.push({ system: FHIR_SYSTEMS.loinc, code: loinc });
  return { coding, ...(name ? { text: name } : {}) };
}

function observationBase(
  r: ResultView['result'],
  o: Observation | MaskedObservation,
  index: number,
  subject: Reference<Patient>,
  performer: Reference<Organization>,
): FhirObservation {
  return {
    resourceType: 'Observation',
    id: uuidv5(`${r.id}/observation/${index}`, NAMESPACE),
    status: r.status === 'entered-in-error' ? 'entered-in-error' : r.status,
    category: [
      {
        coding: [
          {
            system: FHIR_SYSTEMS.observationCategory,
            code: r.itemKind === 'laboratory' ? 'laboratory' : 'imaging',
          },
        ],
      },
    ],
    code: itemCode(o.itemCode, o.loinc, o.name, o.nationalCode),
    subject,
    effectiveDateTime: r.performedAt.toISOString(),
    issued: r.reportedAt.toISOString(),
    performer: [performer],
  };
}

function maskedObservation(
  r: ResultView['result'],
  o: MaskedObservation,
  index: number,
  subject: Reference<Patient>,
  performer: Reference<Organization>,
): FhirObservation {
  return {
    ...observationBase(r, o, index, subject, performer),
    meta: { security: [{ system: FHIR_SYSTEMS.securityLabel, code: 'MASKED' }] },
    dataAbsentReason: { coding: [{ system: FHIR_SYSTEMS.dataAbsentReason, code: 'masked' }] },
  };
}

function observationOf(
  r: ResultRecordSnapshot,
  o: Observation,
  index: number,
  subject: Reference<Patient>,
  performer: Reference<Organization>,
): FhirObservation {
  const base = observationBase(r, o, index, subject, performer);
  const v = o.value;
  const quantity = (value: number) =>
    v.kind === 'quantity' ? { value, unit: v.unit, system: FHIR_SYSTEMS.ucum, code: v.unit } : { value };
  const value: Partial<FhirObservation> =
    v.kind === 'quantity'
      ? { valueQuantity: quantity(v.value) }
      : v.kind === 'coded'
        ? {
            valueCodeableConcept: {
              coding: [{ system: v.system, code: v.code, display: v.display }],
              text: v.display,
            },
          }
        : { valueString: v.text };
  const range = o.referenceRange;
  return {
    ...base,
    ...value,
    interpretation: [{ coding: [{ system: FHIR_SYSTEMS.interpretation, code: o.flag }] }],
    ...(range && v.kind === 'quantity'
      ? {
          referenceRange: [
            {
              ...(range.low !== null ? { low: quantity(range.low) } : {}),
              ...(range.high !== null ? { high: quantity(range.high) } : {}),
            },
          ],
        }
      : {}),
  };
}

function imagingStudyOf(r: ResultView['result'], subject: Reference<Patient>): ImagingStudy {
  const study = r.study!;
  return {
    resourceType: 'ImagingStudy',
    id: uuidv5(`${r.id}/imaging-study`, NAMESPACE),
    identifier: [
      { system: FHIR_SYSTEMS.dicomUid, value: `urn:oid:${study.studyInstanceUid}` },
      {
        type: { coding: [{ system: FHIR_SYSTEMS.identifierType, code: 'ACSN' }] },
        value: study.accessionNumber,
      },
    ],
    status: STUDY_STATUS[r.status],
    modality: study.modalities.map((code) => ({ system: FHIR_SYSTEMS.dicomModality, code })),
    subject,
    started: r.performedAt.toISOString(),
  };
}

/** Every resource of a bundle, for a caller that wants them by type. */
export function resourcesOf(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
}
