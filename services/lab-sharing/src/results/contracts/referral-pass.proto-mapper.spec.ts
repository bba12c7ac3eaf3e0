import { referralV1 } from '@medgrid/contracts';
import { v7 as uuidv7 } from 'uuid';
import { KeepReferralPassCommand } from '../application/keep-referral-pass/keep-referral-pass.command';
import { referralPassOf } from './referral-pass.proto-mapper';

const { ReferralStatus: S } = referralV1;

function aReferral(status: referralV1.ReferralStatus): referralV1.Referral {
  return referralV1.Referral.fromPartial({
    id: uuidv7(),
    groupId: uuidv7(),
    patientResidentId: '11010519491231002x',
    referringInstitutionId: uuidv7(),
    receivingInstitutionId: uuidv7(),
    status,
    version: 3,
  });
}

describe(referralPassOf.name, () => {
  const sut = referralPassOf;

  it('keeps a referral open while the patient is on the way or there, closed once it ends', () => {
    const open = [S.REFERRAL_STATUS_SUBMITTED, S.REFERRAL_STATUS_ACCEPTED, S.REFERRAL_STATUS_ARRIVED];
    const closed = [S.REFERRAL_STATUS_COMPLETED, S.REFERRAL_STATUS_CANCELLED, S.REFERRAL_STATUS_DECLINED];
    const isOpen = (status: referralV1.ReferralStatus) =>
      KeepReferralPassCommand.create(sut(aReferral(status))).open;

    expect(open.map(isOpen)).toEqual([true, true, true]);
    expect(closed.map(isOpen)).toEqual([false, false, false]);
  });

  it('reads the referral’s parties, the patient upper case, and its version', () => {
    const referral = aReferral(S.REFERRAL_STATUS_ACCEPTED);

    expect(KeepReferralPassCommand.create(sut(referral))).toEqual({
      referralId: referral.id,
      groupId: referral.groupId,
      patientResidentId: '11010519491231002X',
      referringInstitutionId: referral.referringInstitutionId,
      receivingInstitutionId: referral.receivingInstitutionId,
      open: true,
      version: 3,
    });
  });
});
