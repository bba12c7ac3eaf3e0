import { type Identity } from '@medgrid/auth';
import { anIdentity, thrownBy } from '@medgrid/testing';
import { CommonError, CommonErrorCode } from './domain/common-error';
import { PaymentAccess } from './payment-access.policy';

const institution = '0193a1b2-0000-7000-8000-0000000000c1';
const group = '0193a1b2-0000-7000-8000-0000000000d1';
const otherGroup = '0193a1b2-0000-7000-8000-0000000000d2';
const claim = { institutionId: institution, groupId: group };

const callers: Record<string, Identity> = {
  'city operator': anIdentity({ role: 'city-operator', institutionId: null, groupId: null }),
  'the institution’s staff': anIdentity({
    role: 'hospital-staff',
    institutionId: institution,
    groupId: group,
  }),
  'the institution’s system': anIdentity({
    role: 'partner-system',
    institutionId: institution,
    groupId: group,
  }),
  'another institution’s staff': anIdentity({ role: 'primary-staff', groupId: group }),
  'the group’s administrator': anIdentity({ role: 'group-admin', groupId: group }),
  'another group’s administrator': anIdentity({ role: 'group-admin', groupId: otherGroup }),
};

describe(PaymentAccess.name, () => {
  const sut = PaymentAccess;

  it.each([
    ['city operator', true, false, true, false, false],
    ['the institution’s staff', false, true, true, true, true],
    ['the institution’s system', false, true, true, true, true],
    ['another institution’s staff', false, true, true, false, false],
    ['the group’s administrator', false, false, false, true, false],
    ['another group’s administrator', false, false, false, false, false],
  ])(
    '%s: administers insurance %p, submits claims %p, reads coverage %p, reads the claim %p, corrects it %p',
    (caller, administers, submits, readsCoverage, readsClaim, corrects) => {
      const identity = callers[caller]!;
      expect(sut.administersInsurance(identity)).toBe(administers);
      expect(sut.submitsClaims(identity)).toBe(submits);
      expect(sut.readsCoverage(identity)).toBe(readsCoverage);
      expect(sut.readsClaim(identity, claim)).toBe(readsClaim);
      expect(sut.correctsClaim(identity, claim)).toBe(corrects);
    },
  );

  it('refuses with PERMISSION_DENIED naming the action', () => {
    const error = thrownBy(CommonError, () => sut.require(false, 'load the insurer’s roll'));

    expect(error).toMatchObject({ category: 'permission-denied', code: CommonErrorCode.Forbidden });
    expect(error.message).toBe('your role may not load the insurer’s roll');
  });
});
