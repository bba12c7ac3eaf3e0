import type {
  Bundle,
  CodeableConcept,
  Coding,
  DiagnosticReport,
  ImagingStudy,
  Observation,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { viewOf } from '../domain/result-access';
import { aResultSnapshot, anHivResultSnapshot } from '../test/result-record.factory';
import { FHIR_SYSTEMS, resultToFhirBundle } from './result-fhir.proto-mapper';

const clinician = { role: 'hospital-staff', purpose: 'treatment' } as const;
const administrator = { role: 'group-admin', purpose: 'treatment' } as const;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every reference anywhere in a resource, found by shape (an object with reference or identifier and a type). */
function referencesIn(value: unknown): Reference[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = typeof object.reference === 'string' ? [object as Reference] : [];
  return [...own, ...Object.values(object).flatMap(referencesIn)];
}

/** Every Coding anywhere in a resource: each must name its system and its code. */
function codingsIn(value: unknown): Coding[] {
  if (Array.isArray(value)) return value.flatMap(codingsIn);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = Array.isArray(object.coding) ? (object as CodeableConcept).coding! : [];
  const security = Array.isArray(object.security) ? (object.security as Coding[]) : [];
  return [...own, ...security, ...Object.values(object).flatMap(codingsIn)];
}

/**
 * The R4 shape rules a partner's validator checks first: a collection bundle whose entries each have a fullUrl
 * and a resource with a valid id; the required elements of DiagnosticReport (status, code), Observation (status,
 * code) and ImagingStudy (status, subject) with codes of their value sets; instants as FHIR instants; every
 * coding with system and code; every reference inside the bundle resolving to one of its entries.
 */
function shapeProblems(bundle: Bundle): string[] {
  const problems: string[] = [];
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'collection')
    problems.push('not a collection bundle');
  const entries = bundle.entry ?? [];
  const urls = new Set(entries.map((e) => e.fullUrl));
  for (const [i, entry] of entries.entries()) {
    const resource = entry.resource;
    if (!entry.fullUrl?.startsWith('urn:uuid:')) problems.push(`entry[${i}] has no urn:uuid fullUrl`);
    if (!resource?.id || !FHIR_ID.test(resource.id)) problems.push(`entry[${i}] has no valid id`);
    switch (resource?.resourceType) {
      case 'DiagnosticReport':
      case 'Observation':
        if (!['final', 'amended', 'entered-in-error'].includes(resource.status)) {
          problems.push(`${resource.resourceType} status ${resource.status}`);
        }
        if (!resource.code?.coding?.length) problems.push(`${resource.resourceType} has no code`);
        for (const at of [resource.effectiveDateTime, resource.issued]) {
          if (at !== undefined && !INSTANT.test(at)) problems.push(`${resource.resourceType} instant ${at}`);
        }
        break;
      case 'ImagingStudy':
        if (!['available', 'entered-in-error'].includes(resource.status))
          problems.push('ImagingStudy status');
        if (!resource.subject) problems.push('ImagingStudy has no subject');
        break;
      default:
        problems.push(`entry[${i}] is a ${resource?.resourceType}`);
    }
    for (const coding of codingsIn(resource)) {
      if (!coding.system || !coding.code)
        problems.push(`coding without system or code: ${JSON.stringify(coding)}`);
    }
    for (const reference of referencesIn(resource)) {
      if (!urls.has(reference.reference)) problems.push(`unresolved reference ${reference.reference}`);
    }
  }
  return problems;
}

const resources = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describe(resultToFhirBundle.name, () => {
  const sut = resultToFhirBundle;

  it('gives a laboratory result as a DiagnosticReport referring to its Observations, in R4 shape', () => {
    const result = aResultSnapshot();
    const bundle = sut(viewOf(result, clinician));

    expect(shapeProblems(bundle)).toEqual([]);
    const [report] = resources<DiagnosticReport>(bundle, 'DiagnosticReport');
    const observations = resources<Observation>(bundle, 'Observation');
    expect(report).toMatchObject({
      id: result.id,
      status: 'final',
      category: [{ coding: [{ system: FHIR_SYSTEMS.diagnosticService, code: 'LAB' }] }],
      code: {
        coding: [
          { system: FHIR_SYSTEMS.catalogueItem, code: 'LAB-GLU' },
          { system: FHIR_SYSTEMS.loinc, code: '14771-0' },
        ],
      },
      subject: { identifier: { system: FHIR_SYSTEMS.residentId, value: result.patientResidentId } },
      effectiveDateTime: '2026-12-01T00:00:00.000Z',
      issued: '2026-12-01T02:00:00.000Z',
      performer: [{ identifier: { value: result.performer.institutionId } }],
      conclusion: '空腹血糖正常',
      result: [{ reference: `urn:uuid:${observations[0]!.id}` }],
    });
    expect(observations[0]).toMatchObject({
      status: 'final',
      valueQuantity: { value: 5.1, unit: 'mmol/L', system: FHIR_SYSTEMS.ucum, code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9 }, high: { value: 6.1 } }],
      interpretation: [{ coding: [{ system: FHIR_SYSTEMS.interpretation, code: 'N' }] }],
    });
    expect(bundle.entry![0]!.resource).toBe(report);
  });

  it('gives the same bundle for the same result', () => {
    const result = aResultSnapshot();
    expect(sut(viewOf(result, clinician))).toEqual(sut(viewOf(result, clinician)));
  });

  it('keeps an imaging study by reference: its UID and accession number, not its pixels', () => {
    const result = aResultSnapshot({
      itemCode: 'CT-CHEST',
      itemKind: 'imaging',
      observations: [],
      study: { studyInstanceUid: '1.2.156.112605.1', accessionNumber: 'A1', modalities: ['CT'] },
    });
    const bundle = sut(viewOf(result, clinician));

    expect(shapeProblems(bundle)).toEqual([]);
    const [study] = resources<ImagingStudy>(bundle, 'ImagingStudy');
    expect(study).toMatchObject({
      status: 'available',
      identifier: [
        { system: FHIR_SYSTEMS.dicomUid, value: 'urn:oid:1.2.156.112605.1' },
        { type: { coding: [{ code: 'ACSN' }] }, value: 'A1' },
      ],
      modality: [{ system: FHIR_SYSTEMS.dicomModality, code: 'CT' }],
    });
    expect(resources<DiagnosticReport>(bundle, 'DiagnosticReport')[0]).toMatchObject({
      category: [{ coding: [{ code: 'RAD' }] }],
      imagingStudy: [{ reference: `urn:uuid:${study!.id}` }],
    });
  });

  it('leaves every value of a masked result out, labelled as masked, and says it is restricted', () => {
    const bundle = sut(viewOf(anHivResultSnapshot(), administrator));

    expect(shapeProblems(bundle)).toEqual([]);
    expect(JSON.stringify(bundle)).not.toContain('阴性');
    const [report] = resources<DiagnosticReport>(bundle, 'DiagnosticReport');
    expect(report!.conclusion).toBeUndefined();
    expect(report!.meta!.security).toEqual([
      { system: FHIR_SYSTEMS.confidentiality, code: 'R' },
      { system: FHIR_SYSTEMS.securityLabel, code: 'MASKED' },
    ]);
    const [observation] = resources<Observation>(bundle, 'Observation');
    expect(observation).toMatchObject({
      code: { coding: [{ code: 'LAB-HIV' }, { system: FHIR_SYSTEMS.loinc, code: '56888-1' }] },
      dataAbsentReason: { coding: [{ system: FHIR_SYSTEMS.dataAbsentReason, code: 'masked' }] },
    });
    expect(observation!.valueCodeableConcept).toBeUndefined();
    expect(observation!.interpretation).toBeUndefined();
  });

  it('shows a sensitive result to a clinician treating the patient, still labelled restricted', () => {
    const bundle = sut(viewOf(anHivResultSnapshot(), clinician));

    expect(shapeProblems(bundle)).toEqual([]);
    expect(resources<Observation>(bundle, 'Observation')[0]!.valueCodeableConcept).toEqual({
      coding: [{ system: 'local', code: 'NEG', display: '阴性' }],
      text: '阴性',
    });
    expect(resources<DiagnosticReport>(bundle, 'DiagnosticReport')[0]!.meta!.security).toEqual([
      { system: FHIR_SYSTEMS.confidentiality, code: 'R' },
    ]);
  });

  it('marks a withdrawn result and its parts entered in error', () => {
    const bundle = sut(viewOf(aResultSnapshot({ status: 'entered-in-error' }), clinician));

    expect(shapeProblems(bundle)).toEqual([]);
    expect(resources<DiagnosticReport>(bundle, 'DiagnosticReport')[0]!.status).toBe('entered-in-error');
    expect(resources<Observation>(bundle, 'Observation')[0]!.status).toBe('entered-in-error');
  });
});
