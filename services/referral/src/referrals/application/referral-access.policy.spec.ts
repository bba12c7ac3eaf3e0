import { type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { type ReferralSnapshot } from '../domain/referral';
import { canSendReferralFrom, canViewReferral, requireSide, visibilityOf } from './referral-access.policy';

const group = '0193a000-0000-7000-8000-0000000000aa';
const otherGroup = '0193a000-0000-7000-8000-0000000000bb';
const clinic = '0193a000-0000-7000-8000-000000000001';
const hospital = '0193a000-0000-7000-8000-000000000002';
const stranger = '0193a000-0000-7000-8000-000000000003';
const referral = {
  id: '0193a000-0000-7000-8000-000000000101',
  groupId: group,
  referringInstitutionId: clinic,
  receivingInstitutionId: hospital,
} as ReferralSnapshot;

describe(canViewReferral.name, () => {
  const sut = canViewReferral;

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
    expect(sut(anIdentity({ role, institutionId, groupId }), referral)).toBe(expected);
  });
});

describe(canSendReferralFrom.name, () => {
  const sut = canSendReferralFrom;

  it.each<[Role, string, boolean]>([
    ['primary-staff', clinic, true],
    ['partner-system', clinic, true],
    ['primary-staff', stranger, false],
    ['group-admin', clinic, false],
    ['city-operator', clinic, false],
  ])('%s of %s may send from the clinic: %s', (role, institutionId, expected) => {
    expect(sut(anIdentity({ role, institutionId, groupId: group }), clinic)).toBe(expected);
  });
});

describe(requireSide.name, () => {
  const sut = requireSide;

  type Outcome = 'allowed' | 'NOT_ALLOWED' | 'REFERRAL_NOT_FOUND';
  it.each<[Role, string | null, string | null, 'referring' | 'receiving', Outcome]>([
    ['primary-staff', clinic, group, 'referring', 'allowed'],
    ['partner-system', clinic, group, 'referring', 'allowed'],
    ['primary-staff', clinic, group, 'receiving', 'NOT_ALLOWED'],
    ['hospital-staff', hospital, group, 'receiving', 'allowed'],
    ['hospital-staff', hospital, group, 'referring', 'NOT_ALLOWED'],
    ['group-admin', hospital, group, 'receiving', 'NOT_ALLOWED'],
    ['city-operator', null, null, 'referring', 'NOT_ALLOWED'],
    ['hospital-staff', stranger, group, 'receiving', 'REFERRAL_NOT_FOUND'],
    ['group-admin', stranger, otherGroup, 'referring', 'REFERRAL_NOT_FOUND'],
  ])('%s of %s in group %s acting as the %s side: %s', (role, institutionId, groupId, side, expected) => {
    const act = () => sut(anIdentity({ role, institutionId, groupId }), referral, side, 'act on');
    if (expected === 'allowed') expect(act).not.toThrow();
    else expect(act).toThrow(expect.objectContaining({ code: expected }) as Error);
  });
});

describe(visibilityOf.name, () => {
  const sut = visibilityOf;

  it('lists for city operators everything, for group administrators their group, for others their institution', () => {
    expect(sut(anIdentity({ role: 'city-operator', institutionId: null, groupId: null }))).toEqual({
      kind: 'all',
    });
    expect(sut(anIdentity({ role: 'group-admin', institutionId: hospital, groupId: group }))).toEqual({
      kind: 'group',
      groupId: group,
    });
    expect(sut(anIdentity({ role: 'partner-system', institutionId: clinic, groupId: group }))).toEqual({
      kind: 'institution',
      institutionId: clinic,
    });
  });
});
