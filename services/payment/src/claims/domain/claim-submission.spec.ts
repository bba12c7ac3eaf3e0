import { now } from '../../enrolment/test/enrolment.factory';
import { aClaim } from '../test/claim.factory';
import { ClaimErrorCode } from './claim-error';
import { claimContentKey, claimTotal, claimViolations } from './claim-submission';

describe(claimViolations.name, () => {
  const sut = claimViolations;

  it('takes a well-formed outpatient claim and an inpatient stay of whole days', () => {
    expect(sut(aClaim(), now)).toEqual([]);
    expect(
      sut(aClaim({ encounter: { kind: 'inpatient', days: 7 }, referralId: null, diseaseGroup: null }), now),
    ).toEqual([]);
  });

  it('refuses every bad field at once, named as the request carries it', () => {
    const violations = sut(
      aClaim({
        institutionId: 'not-a-uuid',
        claimNumber: '',
        residentId: '123',
        serviceDate: '2026-12-06',
        encounter: { kind: 'inpatient', days: 0 },
        principalDiagnosis: 'diabetes',
        diseaseGroup: 'E11 type 2',
        referralId: 'r-1',
      }),
      now,
    );

    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['institutionId', ClaimErrorCode.InvalidClaim],
      ['claimNumber', ClaimErrorCode.InvalidClaim],
      ['residentId', 'INVALID_RESIDENT_ID'],
      ['serviceDate', ClaimErrorCode.InvalidClaim],
      ['encounter.days', ClaimErrorCode.InvalidClaim],
      ['principalDiagnosis', ClaimErrorCode.InvalidDiagnosis],
      ['diseaseGroup', ClaimErrorCode.InvalidClaim],
      ['referralId', ClaimErrorCode.InvalidClaim],
    ]);
  });

  it('refuses a claim without lines and names each bad line', () => {
    expect(sut(aClaim({ lines: [] }), now).map((v) => v.field)).toEqual(['lines']);
    const lines = aClaim().lines;
    expect(
      sut(aClaim({ lines: [lines[0]!, { ...lines[1]!, quantity: -2 }] }), now).map((v) => v.field),
    ).toEqual(['lines[1].quantity']);
  });

  it('takes ICD-10 codes as coded in China, with their national extensions', () => {
    for (const code of ['I10', 'I10.x00', 'E11.900', 'J06.9']) {
      expect(sut(aClaim({ principalDiagnosis: code }), now)).toEqual([]);
    }
    expect(sut(aClaim({ principalDiagnosis: 'U07.1' }), now)[0]?.field).toBe('principalDiagnosis');
  });
});

describe(claimTotal.name, () => {
  it('adds the lines: ¥500 for the factory visit', () => {
    expect(claimTotal(aClaim())).toBe(50_000);
  });
});

describe(claimContentKey.name, () => {
  it('is the same for the same content and differs when anything billed changes', () => {
    expect(claimContentKey(aClaim())).toBe(claimContentKey({ ...aClaim() }));
    expect(claimContentKey(aClaim({ contracted: false }))).not.toBe(claimContentKey(aClaim()));
    expect(claimContentKey(aClaim({ lines: aClaim().lines.slice(1) }))).not.toBe(claimContentKey(aClaim()));
  });
});
