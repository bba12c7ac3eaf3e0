import { referralV1 } from '@medgrid/contracts';
import { type ReferralSnapshot } from '../domain/referral';
import { type ReferralDirection } from '../domain/referral-direction';
import { type ReferralStatus } from '../domain/referral-status';

const { ReferralDirection: ProtoDirection, ReferralStatus: ProtoStatus } = referralV1;

export function directionFromProto(direction: referralV1.ReferralDirection): ReferralDirection | undefined {
  switch (direction) {
    case ProtoDirection.REFERRAL_DIRECTION_UPWARD:
      return 'upward';
    case ProtoDirection.REFERRAL_DIRECTION_DOWNWARD:
      return 'downward';
    case ProtoDirection.REFERRAL_DIRECTION_UNSPECIFIED:
    case ProtoDirection.UNRECOGNIZED:
      return undefined;
  }
}

function directionToProto(direction: ReferralDirection): referralV1.ReferralDirection {
  switch (direction) {
    case 'upward':
      return ProtoDirection.REFERRAL_DIRECTION_UPWARD;
    case 'downward':
      return ProtoDirection.REFERRAL_DIRECTION_DOWNWARD;
  }
}

function statusToProto(status: ReferralStatus): referralV1.ReferralStatus {
  switch (status) {
    case 'submitted':
      return ProtoStatus.REFERRAL_STATUS_SUBMITTED;
  }
}

export function referralToProto(referral: ReferralSnapshot): referralV1.Referral {
  return {
    id: referral.id,
    groupId: referral.groupId,
    patientResidentId: referral.patientResidentId,
    referringInstitutionId: referral.referringInstitutionId,
    receivingInstitutionId: referral.receivingInstitutionId,
    direction: directionToProto(referral.direction),
    status: statusToProto(referral.status),
    icd10Code: referral.icd10Code,
    reason: referral.reason,
    createdAt: referral.createdAt,
    version: referral.version,
    // Routing and priority arrive with the rest of the referral lifecycle (issue 4).
    receivingDepartmentId: '',
    specialtyCode: '',
    contractedResidentPriority: false,
    greenChannel: false,
  };
}
