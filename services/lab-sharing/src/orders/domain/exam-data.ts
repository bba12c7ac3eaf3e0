import { type FieldViolation } from '@medgrid/errors';
import { MODALITIES, type Modality, SPECIMENS, type Specimen } from '../../recognition/domain/catalogue-item';
import { DICOM_UID_PROBLEM_TEXT, dicomUidProblem } from './dicom-uid';

/** An imaging study the primary site performed and stored (PACS); the centre reads it by these references. */
export interface ImagingStudyReference {
  readonly studyInstanceUid: string;
  /** The order's accession number in the site's RIS (DICOM SH: 1-16 characters, no backslash or control character). */
  readonly accessionNumber: string;
  /** ModalitiesInStudy. */
  readonly modalities: readonly Modality[];
  readonly performedAt: Date;
}

/** Formats an ECG trace is sent in: DICOM waveform, HL7 aECG, SCP-ECG (EN 1064) or MFER. */
export const ECG_FORMATS = ['dicom-waveform', 'hl7-aecg', 'scp-ecg', 'mfer'] as const;
export type EcgFormat = (typeof ECG_FORMATS)[number];

export interface EcgTraceReference {
  /** Where the trace is stored, as the site's ECG system names it. */
  readonly traceId: string;
  readonly format: EcgFormat;
  readonly leads: number;
  readonly recordedAt: Date;
}

/** A specimen collected at the primary site and sent to the centre, labelled with its barcode. */
export interface LabSpecimen {
  readonly barcode: string;
  readonly specimen: Specimen;
  readonly collectedAt: Date;
}

export type ExamData =
  | { readonly kind: 'imaging-study'; readonly study: ImagingStudyReference }
  | { readonly kind: 'ecg-trace'; readonly trace: EcgTraceReference }
  | { readonly kind: 'specimen'; readonly specimen: LabSpecimen }
  /** A consultation's material is the order's clinical information. */
  | { readonly kind: 'consultation' };

/** DICOM SH: no backslash and no control character; the default character repertoire is printable ASCII. */
const ACCESSION = /^[\x20-\x5b\x5d-\x7e]{1,16}$/;
const TRACE_ID = /^[\x21-\x7e]{1,128}$/;
/** Code 128 and the common specimen label symbologies carry printable ASCII; labs keep them to letters, digits, hyphen. */
const BARCODE = /^[0-9A-Za-z-]{4,32}$/;
const MAX_LEADS = 18;

/** When an exam was performed: not before the order, not after now. */
function timeViolations(at: Date, placedAt: Date, now: Date, field: string): FieldViolation[] {
  if (Number.isNaN(at.getTime()))
    return [{ field, reason: 'INVALID_TIME', description: 'not a valid instant' }];
  if (at.getTime() < placedAt.getTime())
    return [{ field, reason: 'BEFORE_ORDER', description: 'an exam is performed after it is ordered' }];
  if (at.getTime() > now.getTime())
    return [
      { field, reason: 'IN_THE_FUTURE', description: 'an exam is reported once performed, not before' },
    ];
  return [];
}

export function imagingStudyViolations(
  study: ImagingStudyReference,
  placedAt: Date,
  now: Date,
  path = 'study',
): FieldViolation[] {
  const found: FieldViolation[] = [];
  const uid = dicomUidProblem(study.studyInstanceUid);
  if (uid)
    found.push({ field: `${path}.studyInstanceUid`, reason: uid, description: DICOM_UID_PROBLEM_TEXT[uid] });
  if (!ACCESSION.test(study.accessionNumber) || !study.accessionNumber.trim()) {
    found.push({
      field: `${path}.accessionNumber`,
      reason: 'INVALID_FORMAT',
      description: '1-16 characters, no backslash or control character (DICOM SH)',
    });
  }
  if (study.modalities.length === 0) {
    found.push({ field: `${path}.modalities`, reason: 'REQUIRED', description: 'at least one modality' });
  }
  study.modalities.forEach((modality, index) => {
    if (!(MODALITIES as readonly string[]).includes(modality) || modality === 'ECG') {
      found.push({
        field: `${path}.modalities[${index}]`,
        reason: 'UNKNOWN_VALUE',
        description: `an imaging modality: ${MODALITIES.filter((m) => m !== 'ECG').join(', ')}`,
      });
    } else if (study.modalities.indexOf(modality) !== index) {
      found.push({
        field: `${path}.modalities[${index}]`,
        reason: 'DUPLICATE',
        description: 'each modality once',
      });
    }
  });
  found.push(...timeViolations(study.performedAt, placedAt, now, `${path}.performedAt`));
  return found;
}

export function ecgTraceViolations(
  trace: EcgTraceReference,
  placedAt: Date,
  now: Date,
  path = 'trace',
): FieldViolation[] {
  const found: FieldViolation[] = [];
  if (!TRACE_ID.test(trace.traceId)) {
    found.push({
      field: `${path}.traceId`,
      reason: 'INVALID_FORMAT',
      description: '1-128 printable ASCII characters',
    });
  }
  if (!(ECG_FORMATS as readonly string[]).includes(trace.format)) {
    found.push({
      field: `${path}.format`,
      reason: 'UNKNOWN_VALUE',
      description: `one of ${ECG_FORMATS.join(', ')}`,
    });
  }
  if (!Number.isInteger(trace.leads) || trace.leads < 1 || trace.leads > MAX_LEADS) {
    found.push({ field: `${path}.leads`, reason: 'OUT_OF_RANGE', description: `1-${MAX_LEADS} leads` });
  }
  found.push(...timeViolations(trace.recordedAt, placedAt, now, `${path}.recordedAt`));
  return found;
}

export function specimenViolations(
  specimen: LabSpecimen,
  placedAt: Date,
  now: Date,
  path = 'specimen',
): FieldViolation[] {
  const found: FieldViolation[] = [];
  if (!BARCODE.test(specimen.barcode)) {
    found.push({
      field: `${path}.barcode`,
      reason: 'INVALID_FORMAT',
      description: '4-32 letters, digits or hyphens, as printed on the label',
    });
  }
  if (!(SPECIMENS as readonly string[]).includes(specimen.specimen)) {
    found.push({
      field: `${path}.specimen`,
      reason: 'UNKNOWN_VALUE',
      description: `one of ${SPECIMENS.join(', ')}`,
    });
  }
  found.push(...timeViolations(specimen.collectedAt, placedAt, now, `${path}.collectedAt`));
  return found;
}
