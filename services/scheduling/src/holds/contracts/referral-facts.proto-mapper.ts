import { type referralV1 } from '@medgrid/contracts';
import { type EventEnvelope } from '@medgrid/messaging';
import { type ReferralFacts } from '../application/referral-facts';

/** What a referral event tells scheduling; the commands refuse facts without the referral's ids. */
export function referralFactsOf(
  referral: referralV1.Referral | undefined,
  envelope: EventEnvelope,
): ReferralFacts {
  return {
    referralId: referral?.id ?? '',
    groupId: referral?.groupId ?? '',
    institutionId: referral?.receivingInstitutionId ?? '',
    referringInstitutionId: referral?.referringInstitutionId ?? '',
    sourceEventId: envelope.eventId,
    patientResidentId: referral?.patientResidentId ?? '',
    departmentId: referral?.receivingDepartmentId ?? '',
    specialtyCode: referral?.specialtyCode ?? '',
    contractedPriority: referral?.contractedResidentPriority ?? false,
    greenChannel: referral?.greenChannel ?? false,
  };
}
