import { Injectable } from '@nestjs/common';
import { RecognisableResults } from '../../recognition/application/recognisable-results';
import { type RecognitionCandidate } from '../../recognition/domain/already-done';
import { ResultRecordRepository } from '../domain/result-record.repository';

/** Recognition's RecognisableResults, answered by the result registry (one index-only scan). */
@Injectable()
export class RecordedRecognisableResults extends RecognisableResults {
  constructor(private readonly results: ResultRecordRepository) {
    super();
  }

  candidates(
    patientResidentId: string,
    itemCode: string,
    performedSince: Date,
    limit: number,
  ): Promise<RecognitionCandidate[]> {
    return this.results.candidatesFor(patientResidentId, itemCode, performedSince, limit);
  }
}
