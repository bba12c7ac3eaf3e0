import { type ContractStatus, type ReferralStatus } from '../../rules/domain/reimbursement-rule';
import { type ClaimSubmission } from './claim-submission';

/** A referral as referral announced it, as payment keeps it for checking claims. */
export interface KnownReferral {
  readonly id: string;
  /** The patient's resident identity number (GB 11643). */
  readonly patientResidentId: string;
  readonly referringInstitutionId: string;
  readonly receivingInstitutionId: string;
  /** referral's status, lower-case without its prefix: accepted, scheduled, arrived, declined, ... */
  readonly status: string;
  /** When the receiving institution accepted it (or the patient arrived, for a referral never accepted apart). */
  readonly acceptedAt: Date | null;
  readonly version: number;
}

/** What the platform's facts say of a claim's referral and contract, each with why when it differs from the claim. */
export interface ClaimStanding {
  readonly referral: ReferralStatus;
  readonly contract: ContractStatus;
  readonly reasons: readonly string[];
}

/** Statuses of a referral the receiving institution has taken the patient under. */
const TAKEN = new Set(['accepted', 'scheduled', 'arrived', 'completed', 'received']);

/** The local date (Asia/Shanghai, UTC+8) of an instant. */
function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether the claim's stated referral is one: a referral referral announced, of this patient, to the claiming
 * institution, taken (accepted or later, not declined, cancelled or expired) on or before the service date. Any
 * other stated referral is adjudicated as unreferred, with the reason.
 */
export function verifiedReferral(
  submission: Pick<ClaimSubmission, 'referralId' | 'residentId' | 'institutionId' | 'serviceDate'>,
  referral: KnownReferral | null,
): { status: ReferralStatus; reason: string | null } {
  const stated = submission.referralId;
  if (stated === null) return { status: 'unreferred', reason: null };
  const unreferred = (why: string) => ({
    status: 'unreferred' as const,
    reason: `referral ${stated} ${why}: adjudicated as unreferred`,
  });
  if (!referral) return unreferred('is not known to the platform');
  if (referral.patientResidentId.toUpperCase() !== submission.residentId.toUpperCase()) {
    return unreferred('is for another patient');
  }
  if (referral.receivingInstitutionId !== submission.institutionId) {
    return unreferred('is not to this institution');
  }
  if (!TAKEN.has(referral.status) || !referral.acceptedAt) {
    return unreferred(`is ${referral.status}, not accepted`);
  }
  if (shanghaiDate(referral.acceptedAt) > submission.serviceDate) {
    return unreferred(`was accepted on ${shanghaiDate(referral.acceptedAt)}, after the service date`);
  }
  return { status: 'referred', reason: null };
}

/**
 * Whether the resident was contracted for the claim: a family-doctor contract in force on the service date with a
 * team of the claiming institution's group (the registry's contracts, whatever the claim says).
 */
export function verifiedContract(
  submission: Pick<ClaimSubmission, 'contracted' | 'serviceDate'>,
  contractedGroups: readonly string[],
  /** The claiming institution's group; null when it has none (no contract can be with it). */
  groupId: string | null,
): { status: ContractStatus; reason: string | null } {
  const contracted = groupId !== null && contractedGroups.includes(groupId);
  const status: ContractStatus = contracted ? 'contracted' : 'uncontracted';
  if (contracted === submission.contracted) return { status, reason: null };
  return {
    status,
    reason: contracted
      ? `the resident has a family-doctor contract with the group in force on ${submission.serviceDate}: adjudicated as contracted`
      : `the resident has no family-doctor contract with the group in force on ${submission.serviceDate}: adjudicated as uncontracted`,
  };
}

/** The claim's standing from both checks. */
export function claimStanding(
  referral: { status: ReferralStatus; reason: string | null },
  contract: { status: ContractStatus; reason: string | null },
): ClaimStanding {
  return {
    referral: referral.status,
    contract: contract.status,
    reasons: [referral.reason, contract.reason].filter((r): r is string => r !== null),
  };
}

/** The standing a claim states, for callers (tests) that adjudicate without the platform's facts. */
export function statedStanding(
  submission: Pick<ClaimSubmission, 'referralId' | 'contracted'>,
): ClaimStanding {
  return {
    referral: submission.referralId === null ? 'unreferred' : 'referred',
    contract: submission.contracted ? 'contracted' : 'uncontracted',
    reasons: [],
  };
}
