import { aResidentId, now } from '../test/enrolment.factory';
import { appliedRoll, applyRoll, checkedRoll } from './enrolment-roll';
import { EnrolmentError, EnrolmentErrorCode } from './enrolment-error';
import { ResidentCoverage } from './resident-coverage';

function refusal(act: () => unknown): EnrolmentError {
  try {
    act();
  } catch (error) {
    if (error instanceof EnrolmentError) return error;
    throw error;
  }
  throw new Error('expected an EnrolmentError');
}

describe(checkedRoll.name, () => {
  const sut = checkedRoll;

  it('groups a roll by resident, each resident’s rows in date order', () => {
    const roll = sut(
      [
        { residentId: aResidentId(1), scheme: 'urban-employee', from: '2026-07-01', until: null },
        { residentId: aResidentId(2), scheme: 'urban-rural-resident', from: '2026-01-01', until: null },
        {
          residentId: aResidentId(1),
          scheme: 'urban-rural-resident',
          from: '2026-01-01',
          until: '2026-07-01',
        },
      ],
      now,
    );

    expect(roll.get(aResidentId(1))?.map((s) => s.from)).toEqual(['2026-01-01', '2026-07-01']);
    expect(roll.get(aResidentId(2))).toHaveLength(1);
  });

  it('refuses the whole roll naming every bad row: a bad resident id, an unknown scheme, an empty period, an overlap', () => {
    const error = refusal(() =>
      sut(
        [
          { residentId: '44010619600512001', scheme: 'urban-employee', from: '2026-01-01', until: null },
          { residentId: aResidentId(3), scheme: 'private' as never, from: '2026-01-01', until: '2026-01-01' },
          { residentId: aResidentId(4), scheme: 'urban-employee', from: '2026-01-01', until: null },
          { residentId: aResidentId(4), scheme: 'urban-rural-resident', from: '2026-03-01', until: null },
        ],
        now,
      ),
    );

    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['rows[0].residentId', EnrolmentErrorCode.InvalidResidentId],
      ['rows[1].scheme', EnrolmentErrorCode.UnknownScheme],
      ['rows[1].until', 'EMPTY_PERIOD'],
      ['rows[3].from', 'OVERLAPPING_EFFECTIVE_DATES'],
    ]);
  });
});

describe(applyRoll.name, () => {
  const sut = applyRoll;

  it('brings coverage up to date: a known resident’s new spell ends the open one, a new resident starts covered', () => {
    const known = ResidentCoverage.of(aResidentId(1), now);
    known.enrol({ scheme: 'urban-rural-resident', from: '2025-01-01', until: null });
    const roll = checkedRoll(
      [
        { residentId: aResidentId(1), scheme: 'urban-employee', from: '2026-07-01', until: null },
        { residentId: aResidentId(2), scheme: 'urban-employee', from: '2026-01-01', until: null },
      ],
      now,
    );

    const changed = sut(new Map([[aResidentId(1), known]]), roll, now);

    expect(changed.get(aResidentId(1))?.schemeOn('2026-06-30', 'd')).toBe('urban-rural-resident');
    expect(changed.get(aResidentId(1))?.schemeOn('2026-07-01', 'd')).toBe('urban-employee');
    expect(changed.get(aResidentId(2))?.schemeOn('2026-03-01', 'd')).toBe('urban-employee');
    expect(known.schemeOn('2026-07-01', 'd')).toBe('urban-rural-resident');
  });

  it('refuses a roll that would rewrite a resident’s past', () => {
    const known = ResidentCoverage.of(aResidentId(1), now);
    known.enrol({ scheme: 'urban-employee', from: '2026-01-01', until: null });
    const roll = checkedRoll(
      [{ residentId: aResidentId(1), scheme: 'urban-rural-resident', from: '2025-06-01', until: null }],
      now,
    );

    expect(refusal(() => sut(new Map([[aResidentId(1), known]]), roll, now)).code).toBe(
      EnrolmentErrorCode.CoverageOutOfOrder,
    );
  });
});

describe(appliedRoll.name, () => {
  const sut = appliedRoll;

  it('applies a roll and reports each row in the order sent, naming the open spell a row ended', () => {
    const before = ResidentCoverage.of(aResidentId(1), now);
    before.enrol({ scheme: 'urban-rural-resident', from: '2025-01-01', until: null });

    const { changed, report } = sut(
      new Map([[aResidentId(1), before]]),
      [
        { residentId: aResidentId(2), scheme: 'urban-employee', from: '2026-01-01', until: null },
        { residentId: aResidentId(1), scheme: 'urban-employee', from: '2026-07-01', until: null },
      ],
      now,
    );

    expect(report).toEqual([
      { index: 0, residentId: aResidentId(2), endedSpellFrom: null },
      { index: 1, residentId: aResidentId(1), endedSpellFrom: '2025-01-01' },
    ]);
    expect(changed.get(aResidentId(1))?.schemeOn('2026-06-30', 'd')).toBe('urban-rural-resident');
    expect(changed.get(aResidentId(1))?.schemeOn('2026-07-01', 'd')).toBe('urban-employee');
  });

  it('refuses the whole roll naming every row that would rewrite a resident’s past, as the row was sent', () => {
    const before = ResidentCoverage.of(aResidentId(1), now);
    before.enrol({ scheme: 'urban-rural-resident', from: '2026-03-01', until: null });

    const error = refusal(() =>
      sut(
        new Map([[aResidentId(1), before]]),
        [
          { residentId: aResidentId(2), scheme: 'urban-employee', from: '2026-01-01', until: null },
          { residentId: aResidentId(1), scheme: 'urban-employee', from: '2026-02-01', until: null },
        ],
        now,
      ),
    );

    expect(error.code).toBe(EnrolmentErrorCode.CoverageOutOfOrder);
    expect(error.violations.map((v) => v.field)).toEqual(['rows[1].from']);
  });
});
