import { type LabQuality, type LabQualityRecord } from './lab-quality';

/**
 * The quality records of performing institutions (ISO 15189 accreditation, external quality assessment or image
 * quality control passed), each with its validity period, kept by the centres context. Its answers are the
 * recognition rule's PerformerQuality (recognition/domain/already-done.ts) by shape.
 */
export abstract class LabQualityRepository {
  /**
   * What `institutionId` had shown at `at`: accredited when an accreditation record's validity covers `at`,
   * quality control passed when a passed assessment's does. An institution with no record has shown neither.
   */
  abstract qualityOf(institutionId: string, at: Date): Promise<LabQuality>;
  /** The same for many institutions at once (the result registry's look-ups), keyed by institution. */
  abstract qualitiesOf(institutionIds: readonly string[], at: Date): Promise<Map<string, LabQuality>>;
  /**
   * What each institution had shown at its own instant (each result at the time it was performed), in the order
   * asked, read in one query: for a look-up judging many results at once.
   */
  abstract qualitiesAt(
    asked: readonly { readonly institutionId: string; readonly at: Date }[],
  ): Promise<LabQuality[]>;
  abstract insert(record: LabQualityRecord): Promise<void>;
  abstract findById(id: string): Promise<LabQualityRecord | null>;
  /** An institution's records, newest validity first. */
  abstract recordsOf(institutionId: string): Promise<LabQualityRecord[]>;
}
