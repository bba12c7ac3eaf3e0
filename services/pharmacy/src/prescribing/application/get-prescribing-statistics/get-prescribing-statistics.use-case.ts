import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PrescriptionCheckRecordRepository } from '../../domain/prescription-check-record.repository';
import { prescribingStatistics, type PrescribingStatistics } from '../../domain/prescribing-statistics';
import { PrescribingAccess } from '../prescribing-access.policy';
import { type GetPrescribingStatisticsQuery } from './get-prescribing-statistics.query';

/**
 * GetPrescribingStatistics: the recorded checks of a period summed per prescribing institution (one aggregate
 * read), their shares computed here, within what the caller may see.
 */
@Injectable()
export class GetPrescribingStatisticsUseCase {
  constructor(private readonly records: PrescriptionCheckRecordRepository) {}

  async execute(identity: Identity, query: GetPrescribingStatisticsQuery): Promise<PrescribingStatistics> {
    const scope = PrescribingAccess.statisticsScope(identity, {
      institutionId: query.institutionId,
      groupId: query.groupId,
    });
    return prescribingStatistics(await this.records.tallies({ ...query.period, ...scope }));
  }
}
