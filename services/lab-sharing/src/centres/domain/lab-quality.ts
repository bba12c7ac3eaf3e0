import { CentreError, CentreErrorCode } from './centre-error';

/**
 * What a performing laboratory or imaging department can show for its results to be recognised elsewhere
 * (docs/domain.md, section 5): ISO 15189 accreditation (CNAS), a passed external quality assessment (室间质评) of
 * the national or provincial clinical laboratory centre, or a passed image quality control (影像质控).
 */
export const LAB_QUALITY_KINDS = [
  'iso15189-accreditation',
  'external-quality-assessment',
  'image-quality-control',
] as const;
export type LabQualityKind = (typeof LAB_QUALITY_KINDS)[number];

/**
 * The quality an institution had shown at an instant; structurally the recognition rule's PerformerQuality
 * (recognition/domain/already-done.ts), which the centres context may not import.
 */
export interface LabQuality {
  /** An ISO 15189 accreditation in force. */
  readonly accredited: boolean;
  /** A passed external quality assessment or image quality control in force. */
  readonly qualityControlPassed: boolean;
}

export const NO_QUALITY_SHOWN: LabQuality = { accredited: false, qualityControlPassed: false };

/** Who recorded a quality record: a user acting for an institution. */
export interface QualityRecorder {
  readonly subject: string;
  readonly institutionId: string | null;
}

export interface LabQualityRecordSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly kind: LabQualityKind;
  /** The certificate or report the record stands on (e.g. CNAS MT0123, an EQA round's report number). */
  readonly reference: string;
  /** Validity, from inclusive to until exclusive, as UTC instants. */
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly recordedBy: QualityRecorder;
  readonly recordedAt: Date;
}

export interface NewLabQualityRecord {
  readonly id: string;
  readonly institutionId: string;
  readonly kind: LabQualityKind;
  readonly reference: string;
  readonly validFrom: Date;
  readonly validUntil: Date;
}

const REFERENCE_MAX = 100;
const DAY_MS = 86_400_000;
/** The longest validity a record may state: an ISO 15189 accreditation cycle is six years. */
export const LONGEST_VALIDITY_DAYS = 6 * 366;

/**
 * One quality record of an institution: a kind of quality shown, the document it rests on and its validity. A
 * record is never changed; a renewed certificate or a new assessment round is a new record, and a record is
 * only in force inside its validity.
 */
export class LabQualityRecord {
  private constructor(private readonly state: LabQualityRecordSnapshot) {}

  static record(input: NewLabQualityRecord, recordedBy: QualityRecorder, now: Date): LabQualityRecord {
    const reference = input.reference.trim();
    if (!reference || reference.length > REFERENCE_MAX) {
      throw new CentreError(
        CentreErrorCode.InvalidQualityRecord,
        `a quality record names its certificate or report in 1-${REFERENCE_MAX} characters`,
        'reference',
      );
    }
    if (input.validUntil.getTime() <= input.validFrom.getTime()) {
      throw new CentreError(
        CentreErrorCode.InvalidQualityRecord,
        'a quality record is valid until after it is valid from',
        'validUntil',
      );
    }
    if (input.validUntil.getTime() - input.validFrom.getTime() > LONGEST_VALIDITY_DAYS * DAY_MS) {
      throw new CentreError(
        CentreErrorCode.InvalidQualityRecord,
        `a quality record is valid for at most ${LONGEST_VALIDITY_DAYS} days`,
        'validUntil',
      );
    }
    return new LabQualityRecord({ ...input, reference, recordedBy, recordedAt: now });
  }

  static restore(snapshot: LabQualityRecordSnapshot): LabQualityRecord {
    return new LabQualityRecord(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  inForceAt(at: Date): boolean {
    return this.state.validFrom.getTime() <= at.getTime() && at.getTime() < this.state.validUntil.getTime();
  }

  snapshot(): LabQualityRecordSnapshot {
    return this.state;
  }
}

/** The quality shown at `at` by the records of one institution. */
export function qualityAt(records: readonly LabQualityRecord[], at: Date): LabQuality {
  const inForce = records.filter((record) => record.inForceAt(at)).map((record) => record.snapshot().kind);
  return {
    accredited: inForce.includes('iso15189-accreditation'),
    qualityControlPassed:
      inForce.includes('external-quality-assessment') || inForce.includes('image-quality-control'),
  };
}
