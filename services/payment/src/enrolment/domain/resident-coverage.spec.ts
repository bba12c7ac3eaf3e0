import { aResidentId, now } from '../test/enrolment.factory';
import { EnrolmentError, EnrolmentErrorCode } from './enrolment-error';
import { ResidentCoverage } from './resident-coverage';

function refusal(act: () => unknown): EnrolmentError {
  try {
    act();
  } catch (error) {
    if (error instanceof EnrolmentError) return error;
    throw error;
  }
  throw new Error('expected a EnrolmentError');
}

describe(ResidentCoverage.name, () => {
  it('answers the scheme in force on a date, and none outside every spell', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);
    sut.enrol({ scheme: 'urban-rural-resident', from: '2025-01-01', until: null });

    expect(sut.schemeOn('2026-03-01', 'serviceDate')).toBe('urban-rural-resident');
    expect(sut.spellOn('2024-12-31')).toBeNull();
  });

  it('ends the open spell where a new one starts: a resident taking a job moves to the employees scheme', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);
    sut.enrol({ scheme: 'urban-rural-resident', from: '2025-01-01', until: null });

    sut.enrol({ scheme: 'urban-employee', from: '2026-07-01', until: null });

    expect(sut.snapshot().spells).toEqual([
      { scheme: 'urban-rural-resident', from: '2025-01-01', until: '2026-07-01' },
      { scheme: 'urban-employee', from: '2026-07-01', until: null },
    ]);
    expect(sut.schemeOn('2026-06-30', 'd')).toBe('urban-rural-resident');
    expect(sut.schemeOn('2026-07-01', 'd')).toBe('urban-employee');
  });

  it('keeps a gap between a spell that ended and a later one: the resident was not covered then', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);
    sut.enrol({ scheme: 'urban-employee', from: '2025-01-01', until: '2025-06-01' });
    sut.enrol({ scheme: 'urban-employee', from: '2025-09-01', until: null });

    const error = refusal(() => sut.schemeOn('2025-07-15', 'serviceDate'));

    expect(error.code).toBe(EnrolmentErrorCode.NotCovered);
    expect(error.category).toBe('failed-precondition');
    expect(error.violations[0]?.field).toBe('serviceDate');
  });

  it('refuses a spell that does not start after the latest one, and keeps the spells it had', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);
    sut.enrol({ scheme: 'urban-employee', from: '2025-01-01', until: null });

    const error = refusal(() =>
      sut.enrol({ scheme: 'urban-rural-resident', from: '2025-01-01', until: null }),
    );

    expect(error.code).toBe(EnrolmentErrorCode.CoverageOutOfOrder);
    expect(error.violations[0]?.field).toBe('spell.from');
    expect(sut.snapshot().spells).toHaveLength(1);
  });

  it('refuses an unknown scheme and a bad period together, field by field', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);

    const error = refusal(() =>
      sut.enrol({ scheme: 'private' as never, from: '2025-02-30', until: null }, 'spells[3]'),
    );

    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['spells[3].from', 'INVALID_DATE'],
      ['spells[3].scheme', EnrolmentErrorCode.UnknownScheme],
    ]);
  });

  it('ends the spell in force when the resident leaves the scheme', () => {
    const sut = ResidentCoverage.of(aResidentId(), now);
    sut.enrol({ scheme: 'urban-employee', from: '2025-01-01', until: null });

    sut.end('2026-01-01');

    expect(sut.spellOn('2026-01-01')).toBeNull();
    expect(sut.spellOn('2025-12-31')?.scheme).toBe('urban-employee');
    expect(refusal(() => sut.end('2026-02-01')).code).toBe(EnrolmentErrorCode.NotCovered);
  });

  it('refuses a resident id that is not one, saying why', () => {
    const bad = `${aResidentId().slice(0, 17)}${aResidentId().endsWith('0') ? '1' : '0'}`;

    const error = refusal(() => ResidentCoverage.of(bad, now));

    expect(error.code).toBe(EnrolmentErrorCode.InvalidResidentId);
    expect(error.message).toContain('ISO 7064');
  });
});
