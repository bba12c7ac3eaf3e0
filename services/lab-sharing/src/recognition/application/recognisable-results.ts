import { type RecognitionCandidate } from '../domain/already-done';

/**
 * Port: the result registry's results of a patient as the "already done?" rule reads them. The results context
 * (above recognition) implements it, and the service's module binds it.
 */
export abstract class RecognisableResults {
  /**
   * The patient's results of the item performed after `performedSince`, not entered in error, newest first, at
   * most `limit`; one indexed read.
   */
  abstract candidates(
    patientResidentId: string,
    itemCode: string,
    performedSince: Date,
    limit: number,
  ): Promise<RecognitionCandidate[]>;
}
