import { type Adjudication } from '../../claims/domain/adjudication';
import { type ClaimVersion } from '../../claims/domain/claim-record';
import { ZERO_FEN } from '../../common/domain/money';
import { type DiseaseGroupTable } from '../../rules/domain/disease-group-points';
import { type CompositeScheme, fixedPayment, methodOf } from './payment-method';
import { type SettledClaim } from './settlement-run';

/**
 * An adjudicated claim version as its settlement counts it, paid by the method the composite scheme gives it: the
 * adjudicated fund share (fee-for-service), the fixed price of its case or bed-days, or its disease group's points
 * weighed by the institution's level (paid at the period's point value). The patient's share and the waived fee are
 * the adjudication's whatever the method: how the fund pays the institution does not change what the patient paid.
 */
export function settledClaimOf(
  claimId: string,
  claim: ClaimVersion,
  adjudication: Adjudication,
  scheme: CompositeScheme,
  diseaseGroups: DiseaseGroupTable,
): SettledClaim {
  const submission = claim.submission;
  const method = methodOf(submission, scheme);
  const weight =
    method === 'points' && submission.diseaseGroup !== null
      ? diseaseGroups.weightOf(
          submission.diseaseGroup,
          submission.institutionLevel,
          submission.serviceDate,
          'diseaseGroup',
        )
      : 0n;
  const fund =
    method === 'points'
      ? ZERO_FEN
      : (fixedPayment(submission, submission.institutionLevel, scheme) ?? adjudication.fund);
  return {
    claimId,
    claimVersion: claim.version,
    serviceDate: submission.serviceDate,
    institutionId: submission.institutionId,
    level: submission.institutionLevel,
    referred: adjudication.referral === 'referred',
    method,
    fund,
    patient: adjudication.patient,
    waived: adjudication.waived,
    weight,
  };
}
