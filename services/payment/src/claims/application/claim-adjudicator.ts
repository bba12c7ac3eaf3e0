import { Injectable, Optional } from '@nestjs/common';
import { ResidentCoverage } from '../../enrolment/domain/resident-coverage';
import { FamilyDoctorContractRepository } from '../../enrolment/domain/family-doctor-contract.repository';
import { ResidentCoverageRepository } from '../../enrolment/domain/resident-coverage.repository';
import { ReimbursementTableRepository } from '../../rules/domain/reimbursement-table.repository';
import { type Adjudication, adjudicate } from '../domain/adjudication';
import { type ClaimRecord } from '../domain/claim-record';
import { claimStanding, statedStanding, verifiedContract, verifiedReferral } from '../domain/claim-standing';
import { KnownReferralRepository } from '../domain/known-referral.repository';
import { ClaimRepository } from '../domain/claim.repository';

/**
 * Adjudicates a claim's newest version with what the service knows: the resident's coverage (a resident the roll
 * never named is not covered), the region's table as it stands (no version changes a past day's rules, so it
 * judges any past date as the version of that day did) and the resident's year before it, read under the lock of
 * the resident's year so two claims of one resident are measured one after the other. Whether the resident was
 * referred and contracted is the platform's word, not the claim's: the stated referral as referral announced it,
 * and the registry's contracts in force on the service date with a team of the claiming institution's group.
 */
@Injectable()
export class ClaimAdjudicator {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly coverages: ResidentCoverageRepository,
    private readonly tables: ReimbursementTableRepository,
    // Always provided by the claims module; tests written before the checks construct the adjudicator without them
    // and adjudicate claims as stated.
    @Optional() private readonly contracts?: FamilyDoctorContractRepository,
    @Optional() private readonly referrals?: KnownReferralRepository,
  ) {}

  async adjudicate(
    record: ClaimRecord,
    placement: { readonly groupId: string | null; readonly regionId: string },
    now: Date,
  ): Promise<Adjudication> {
    const submission = record.current.submission;
    const standing =
      this.contracts && this.referrals
        ? claimStanding(
            verifiedReferral(
              submission,
              submission.referralId ? await this.referrals.find(submission.referralId) : null,
            ),
            verifiedContract(
              submission,
              await this.contracts.contractedGroupsOn(submission.residentId, submission.serviceDate),
              placement.groupId,
            ),
          )
        : statedStanding(submission);
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
    const table = await this.tables.load(placement.regionId, false);
    return adjudicate(record.id, record.current, coverage, table, yearToDate, standing);
  }
}
