import { AppError } from '@medgrid/errors';
import { CriteriaError, CriteriaErrorCode } from './criteria-error';

describe(CriteriaError.name, () => {
  it.each([
    [CriteriaErrorCode.InvalidIcd10Code, 'invalid-argument'],
    [CriteriaErrorCode.UnknownIndication, 'invalid-argument'],
    [CriteriaErrorCode.UnknownStabilityCriterion, 'invalid-argument'],
    [CriteriaErrorCode.JustificationRequired, 'invalid-argument'],
    [CriteriaErrorCode.OverlappingCoverage, 'already-exists'],
  ])('maps %s to %s', (code, category) => {
    expect(new CriteriaError(code, 'x')).toMatchObject({ code, category });
  });

  it('carries one violation per offending field, its reason the error code', () => {
    const sut = new CriteriaError(CriteriaErrorCode.UnknownIndication, 'two unknown codes', [
      { field: 'indicationCodes[0]', description: '"A" is unknown' },
      { field: 'indicationCodes[2]', description: '"B" is unknown' },
    ]);

    expect(sut).toBeInstanceOf(AppError);
    expect(sut.name).toBe('CriteriaError');
    expect(sut.violations).toEqual([
      { field: 'indicationCodes[0]', reason: 'UNKNOWN_INDICATION', description: '"A" is unknown' },
      { field: 'indicationCodes[2]', reason: 'UNKNOWN_INDICATION', description: '"B" is unknown' },
    ]);
  });
});
