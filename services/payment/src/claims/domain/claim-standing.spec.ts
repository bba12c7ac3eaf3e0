import { aResidentId } from '../../enrolment/test/enrolment.factory';
import { aClaim, HOSPITAL_ID, REFERRAL_ID } from '../test/claim.factory';
import {
  claimStanding,
  type KnownReferral,
  statedStanding,
  verifiedContract,
  verifiedReferral,
} from './claim-standing';

const referral: KnownReferral = {
  id: REFERRAL_ID,
  patientResidentId: aResidentId(),
  referringInstitutionId: '0193a1b2-0000-7000-8000-0000000000c9',
  receivingInstitutionId: HOSPITAL_ID,
  status: 'arrived',
  acceptedAt: new Date('2026-11-09T17:00:00Z'), // 2026-11-10 in Shanghai
  version: 4,
};

describe(verifiedReferral.name, () => {
  const sut = verifiedReferral;
  const claim = aClaim({ serviceDate: '2026-11-10' });

  it('is referred by a referral of this patient to this institution accepted on or before the service date', () => {
    expect(sut(claim, referral)).toEqual({ status: 'referred', reason: null });
    expect(sut({ ...claim, residentId: claim.residentId.toLowerCase() }, referral).status).toBe('referred');
  });

  it('is unreferred without a stated referral, and says nothing', () => {
    expect(sut({ ...claim, referralId: null }, null)).toEqual({ status: 'unreferred', reason: null });
  });

  it.each<[string, KnownReferral | null, RegExp]>([
    ['unknown', null, /is not known to the platform/],
    ['another patient’s', { ...referral, patientResidentId: aResidentId(9) }, /is for another patient/],
    [
      'to another institution',
      { ...referral, receivingInstitutionId: referral.referringInstitutionId },
      /not to this institution/,
    ],
    ['submitted only', { ...referral, status: 'submitted', acceptedAt: null }, /is submitted, not accepted/],
    ['declined', { ...referral, status: 'declined' }, /is declined, not accepted/],
    [
      'accepted after the visit',
      { ...referral, acceptedAt: new Date('2026-11-10T16:00:00Z') },
      /accepted on 2026-11-11, after the service date/,
    ],
  ])('adjudicates a stated referral %s as unreferred, saying why', (_, known, reason) => {
    const verified = sut(claim, known);
    expect(verified.status).toBe('unreferred');
    expect(verified.reason).toMatch(reason);
    expect(verified.reason).toMatch(/adjudicated as unreferred$/);
  });
});

describe(verifiedContract.name, () => {
  const sut = verifiedContract;
  const group = '0193a1b2-0000-7000-8000-0000000000c1';

  it('is contracted by a contract in force on the service date with a team of the claiming group', () => {
    expect(sut(aClaim({ contracted: true }), [group], group)).toEqual({ status: 'contracted', reason: null });
    expect(sut(aClaim({ contracted: false }), [group], group)).toMatchObject({
      status: 'contracted',
      reason: expect.stringMatching(/adjudicated as contracted$/) as string,
    });
  });

  it('is uncontracted when the contracts in force are with other groups, or the institution has no group', () => {
    expect(sut(aClaim({ contracted: true }), ['0193a1b2-0000-7000-8000-0000000000c2'], group)).toMatchObject({
      status: 'uncontracted',
      reason: expect.stringMatching(
        /no family-doctor contract with the group in force on 2026-11-10/,
      ) as string,
    });
    expect(sut(aClaim({ contracted: false }), [group], null)).toEqual({
      status: 'uncontracted',
      reason: null,
    });
  });
});

describe(claimStanding.name, () => {
  it('keeps both checks and every reason', () => {
    expect(
      claimStanding({ status: 'unreferred', reason: 'a' }, { status: 'contracted', reason: null }),
    ).toEqual({ referral: 'unreferred', contract: 'contracted', reasons: ['a'] });
    expect(statedStanding(aClaim())).toEqual({ referral: 'referred', contract: 'contracted', reasons: [] });
  });
});
