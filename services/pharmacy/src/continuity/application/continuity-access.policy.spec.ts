import { type Identity } from '@medgrid/auth';
import { type ReferralContinuity } from '../domain/referral-continuity';
import { ContinuityAccess } from './continuity-access.policy';

const GROUP = 'group-1';
const HOSPITAL = 'hospital-1';
const CLINIC = 'clinic-1';

const assessment = {
  groupId: GROUP,
  issuingInstitutionId: HOSPITAL,
  receivingInstitutionId: CLINIC,
} as ReferralContinuity;

const who = (role: Identity['role'], institutionId: string | null, groupId: string | null): Identity => ({
  subject: 'someone',
  role,
  institutionId,
  groupId,
  practitionerId: null,
});

describe(ContinuityAccess.name, () => {
  const sut = ContinuityAccess;

  it.each([
    ['the issuing hospital', who('hospital-staff', HOSPITAL, GROUP), true],
    ["the issuing hospital's HIS", who('partner-system', HOSPITAL, GROUP), true],
    ['the receiving institution', who('primary-staff', CLINIC, GROUP), true],
    ["the group's administrators", who('group-admin', null, GROUP), true],
    ["another group's administrators", who('group-admin', null, 'group-2'), false],
    ['another institution of the group', who('primary-staff', 'clinic-2', GROUP), false],
    ['a city operator', who('city-operator', null, null), false],
  ])('%s may read: %s', (_, identity, allowed) => {
    expect(sut.canRead(identity, assessment)).toBe(allowed);
  });
});
