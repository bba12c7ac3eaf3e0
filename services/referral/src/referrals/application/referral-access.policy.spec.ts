import { type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { type ReferralSnapshot } from '../domain/referral';
import { canSendReferralFrom, canViewReferral } from './referral-access.policy';

const group = '0193a000-0000-7000-8000-0000000000aa';
const otherGroup = '0193a000-0000-7000-8000-0000000000bb';
const clinic = '0193a000-0000-7000-8000-000000000001';
const hospital = '0193a000-0000-7000-8000-000000000002';
const stranger = '0193a000-0000-7000-8000-000000000003';
const referral = {
  groupId: group,
  referringInstitutionId: clinic,
  receivingInstitutionId: hospital,
} as ReferralSnapshot;

describe(canViewReferral.name, () => {
  it.each<[Role, string | null, string | null, boolean]>([
    ['primary-staff', clinic, group, true],
    ['hospital-staff', hospital, group, true],
    ['partner-system', hospital, group, true],
    ['primary-staff', stranger, group, false],
    ['hospital-staff', stranger, group, false],
    ['group-admin', stranger, group, true],
    ['group-admin', stranger, otherGroup, false],
    ['city-operator', null, null, true],
  ])('%s of institution %s in group %s sees it: %s', (role, institutionId, groupId, expected) => {
    expect(canViewReferral(anIdentity({ role, institutionId, groupId }), referral)).toBe(expected);
  });
});

describe(canSendReferralFrom.name, () => {
  it.each<[Role, string, boolean]>([
    ['primary-staff', clinic, true],
    ['partner-system', clinic, true],
    ['primary-staff', stranger, false],
    ['group-admin', clinic, false],
    ['city-operator', clinic, false],
  ])('%s of %s may send from the clinic: %s', (role, institutionId, expected) => {
    expect(canSendReferralFrom(anIdentity({ role, institutionId, groupId: group }), clinic)).toBe(expected);
  });
});
