import { ValidationError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import { GetContinuityAssessmentQuery } from './get-continuity-assessment.query';

describe(GetContinuityAssessmentQuery.name, () => {
  const sut = GetContinuityAssessmentQuery;

  it('reads the referral id lower-cased and the purpose the call states', () => {
    const query = sut.create({
      referralId: '0193A000-0000-7000-8000-00000000C001',
      'x-purpose': 'continuity-of-care',
    });

    expect(query).toMatchObject({
      referralId: '0193a000-0000-7000-8000-00000000c001',
      purpose: 'continuity-of-care',
    });
  });

  it('refuses a referral id that is not a UUID, naming it', () => {
    const refused = thrownBy(ValidationError, () =>
      sut.create({ referralId: 'referral-1', 'x-purpose': 'continuity-of-care' }),
    );

    expect(refused.violations.map((v) => [v.field, v.reason])).toEqual([['referralId', 'INVALID_FORMAT']]);
  });
});
