import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { RecognitionLookupRepository } from '../../recognition/domain/recognition-lookup.repository';
import { type ResultRecordSnapshot } from '../domain/result-record';
import { ResultRecordRepository } from '../domain/result-record.repository';
import { readPurposeOf, type ResultView, viewOf } from '../domain/result-access';
import { ResultsError, ResultsErrorCode } from '../domain/results-error';
import { ReferralGrants } from './referral-grants';
import { ResultsAccess } from './results-access.policy';

/**
 * What every read of results does the same way: the caller's group (or a referral to the caller's institution)
 * lets it in, each result is masked as the caller's role and purpose allow (ResultAccess), and each read is
 * audited with its purpose before the answer leaves.
 */
@Injectable()
export class ResultReads {
  constructor(
    private readonly results: ResultRecordRepository,
    private readonly referrals: ReferralGrants,
    private readonly lookups: RecognitionLookupRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * One result as the caller may see it: its group's, one travelling with a referral to the caller, or one a
   * look-up of the caller's institution offered (a site reads the recognised result it reuses); any other is
   * refused (and the refusal is not a read).
   */
  async one(identity: Identity, id: string, purpose: string): Promise<ResultView> {
    ResultsAccess.require(ResultsAccess.canReadAny(identity), "read patients' results");
    const record = await this.results.find(id, false);
    if (!record) throw new ResultsError(ResultsErrorCode.NotFound, 'no result with this id', 'id');
    const result = record.snapshot();
    const grants = await this.referrals.groupsFor(identity, result.patientResidentId);
    const offered =
      !ResultsAccess.canRead(identity, result, grants) &&
      identity.institutionId !== null &&
      (await this.lookups.wasOffered(identity.institutionId, result.id));
    ResultsAccess.require(
      ResultsAccess.canRead(identity, result, grants) || (offered && ResultsAccess.canReadAny(identity)),
      "read another group's result",
    );
    await this.audit.recordRead(identity, { kind: 'result', id: result.id }, purpose);
    return viewOf(result, { role: identity.role, purpose: readPurposeOf(purpose) });
  }

  /** The views of results already let in, every one audited in one statement. */
  async many(
    identity: Identity,
    results: readonly ResultRecordSnapshot[],
    purpose: string,
  ): Promise<ResultView[]> {
    await this.audit.recordReads(
      identity,
      results.map((r) => ({ kind: 'result', id: r.id })),
      purpose,
    );
    const reader = { role: identity.role, purpose: readPurposeOf(purpose) };
    return results.map((result) => viewOf(result, reader));
  }
}
