import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { type ResultView } from '../../domain/result-access';
import { ResultRecordRepository } from '../../domain/result-record.repository';
import { ReferralGrants } from '../referral-grants';
import { ResultReads } from '../result-reads';
import { ResultsAccess } from '../results-access.policy';
import { type ListPatientResultsQuery } from './list-patient-results.query';

/**
 * ListPatientResults: the patient's results across the caller's group, and those of the groups whose open
 * referrals send the patient to the caller's institution, newest first; each masked as the caller may see it and
 * each read audited.
 */
@Injectable()
export class ListPatientResultsUseCase {
  constructor(
    private readonly results: ResultRecordRepository,
    private readonly referrals: ReferralGrants,
    private readonly reads: ResultReads,
  ) {}

  async execute(
    identity: Identity,
    query: ListPatientResultsQuery,
  ): Promise<{ results: ResultView[]; nextPageToken: string }> {
    ResultsAccess.require(ResultsAccess.canReadAny(identity), "read patients' results");
    const grants = await this.referrals.groupsFor(identity, query.patientResidentId);
    const rows = await this.results.listForPatient(
      {
        patientResidentId: query.patientResidentId,
        groupIds: [identity.groupId!, ...grants],
        itemCode: query.itemCode,
        from: query.from,
        to: query.to,
      },
      query.page.after,
      query.page.limit,
    );
    const page = pageOf(rows, query.page, (r) => [r.performedAt.getTime(), r.id]);
    return {
      results: await this.reads.many(identity, page.items, query.purpose),
      nextPageToken: page.nextPageToken,
    };
  }
}
