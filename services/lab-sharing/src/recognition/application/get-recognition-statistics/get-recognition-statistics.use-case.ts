import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { RecognitionLookupRepository } from '../../domain/recognition-lookup.repository';
import { figuresOf, type RecognitionFigures, totalOf } from '../recognition-figures';
import { RecognitionAccess } from '../recognition-access.policy';
import { type GetRecognitionStatisticsQuery } from './get-recognition-statistics.query';

/**
 * GetRecognitionStatistics: per ordering institution and item, the look-ups since an instant, those that offered
 * a recognised result, the repeats avoided (reused), the orders made anyway, and the recognition rate after
 * look-up; with their total. A group's administrator reads the group, a city operator any group or all, an
 * institution's staff their institution.
 */
@Injectable()
export class GetRecognitionStatisticsUseCase {
  constructor(private readonly lookups: RecognitionLookupRepository) {}

  async execute(
    identity: Identity,
    query: GetRecognitionStatisticsQuery,
  ): Promise<{ figures: RecognitionFigures[]; total: RecognitionFigures }> {
    const groupId = RecognitionAccess.statisticsScope(identity, query.groupId);
    RecognitionAccess.require(groupId !== undefined, "read another group's recognition statistics");
    let tallies = await this.lookups.tally(groupId ?? null, query.since);
    if (RecognitionAccess.ownInstitutionOnly(identity)) {
      tallies = tallies.filter((t) => t.institutionId === identity.institutionId);
    }
    return { figures: tallies.map(figuresOf), total: totalOf(tallies) };
  }
}
