import { referralV1 } from '@medgrid/contracts';
import { type KeepReferralPassInput } from '../application/keep-referral-pass/keep-referral-pass.command';

/** A referral event's referral as the result registry keeps it; its status in the referral service's words. */
export function referralPassOf(referral: referralV1.Referral | undefined): KeepReferralPassInput {
  return {
    referralId: referral?.id ?? '',
    groupId: referral?.groupId ?? '',
    patientResidentId: referral?.patientResidentId ?? '',
    referringInstitutionId: referral?.referringInstitutionId ?? '',
    receivingInstitutionId: referral?.receivingInstitutionId ?? '',
    status: referralV1
      .referralStatusToJSON(referral?.status ?? referralV1.ReferralStatus.REFERRAL_STATUS_UNSPECIFIED)
      .replace(/^REFERRAL_STATUS_/, '')
      .toLowerCase(),
    version: referral?.version ?? 0,
  };
}
