import { Injectable } from '@nestjs/common';
import { ResidentCoverage } from '../../enrolment/domain/resident-coverage';
import { ResidentCoverageRepository } from '../../enrolment/domain/resident-coverage.repository';
import { ReimbursementTableRepository } from '../../rules/domain/reimbursement-table.repository';
import { type Adjudication, adjudicate } from '../domain/adjudication';
import { type ClaimRecord } from '../domain/claim-record';
import { ClaimRepository } from '../domain/claim.repository';

/**
 * Adjudicates a claim's newest version with what the service knows: the resident's coverage (a resident the roll
 * never named is not covered), the region's table as it stands (no version changes a past day's rules, so it
 * judges any past date as the version of that day did) and the resident's year before it, read under the lock of
 * the resident's year so two claims of one resident are measured one after the other.
 */
@Injectable()
export class ClaimAdjudicator {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly coverages: ResidentCoverageRepository,
    private readonly tables: ReimbursementTableRepository,
  ) {}

  async adjudicate(record: ClaimRecord, regionId: string, now: Date): Promise<Adjudication> {
    const submission = record.current.submission;
    const coverage =
      (await this.coverages.find(submission.residentId)) ?? ResidentCoverage.of(submission.residentId, now);
    const scheme = coverage.schemeOn(submission.serviceDate, 'serviceDate');
    const year = submission.serviceDate.slice(0, 4);
    await this.claims.lockResidentYear(submission.residentId, year);
    const yearToDate = await this.claims.yearToDate(
      submission.residentId,
      scheme,
      submission.encounter.kind,
      year,
      record.current.version > 1 ? record.id : null,
    );
    const table = await this.tables.load(regionId, false);
    return adjudicate(record.id, record.current, coverage, table, yearToDate);
  }
}
