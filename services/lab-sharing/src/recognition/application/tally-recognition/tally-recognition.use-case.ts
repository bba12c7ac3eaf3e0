import { Injectable } from '@nestjs/common';
import { type LookupTally, RecognitionLookupRepository } from '../../domain/recognition-lookup.repository';

/** The service's own count of every group's look-ups since an instant, for the gauges (no caller). */
@Injectable()
export class TallyRecognitionUseCase {
  constructor(private readonly lookups: RecognitionLookupRepository) {}

  execute(since: Date): Promise<LookupTally[]> {
    return this.lookups.tally(null, since);
  }
}
