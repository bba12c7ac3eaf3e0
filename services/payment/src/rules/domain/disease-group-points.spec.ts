import { type BasisPoints } from '../../common/domain/share';
import { DiseaseGroupTable } from './disease-group-points';
import { RuleError, RuleErrorCode } from './rule-error';
import { starterDiseaseGroups } from './starter/starter-disease-groups';

const factors = { primary: 8000, secondary: 9000, tertiary: 10_000 } as Record<
  'primary' | 'secondary' | 'tertiary',
  BasisPoints
>;

function refusal(act: () => unknown): RuleError {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

function loaded(): DiseaseGroupTable {
  const table = DiseaseGroupTable.empty('fund');
  table.load(starterDiseaseGroups('2026-01-01'), factors, 0);
  return table;
}

describe(DiseaseGroupTable.name, () => {
  it('loads the starter table and answers a group in force', () => {
    const sut = loaded();

    expect(sut.version).toBe(1);
    expect(sut.groupOn('E11', '2026-11-10', 'diseaseGroup')).toMatchObject({
      points: 120,
      primaryLevel: true,
    });
  });

  it('weighs a primary-level group the same at every level, and another group by the level factor', () => {
    const sut = loaded();

    expect(sut.weightOf('E11', 'primary', '2026-11-10', 'g')).toBe(1_200_000n);
    expect(sut.weightOf('E11', 'tertiary', '2026-11-10', 'g')).toBe(1_200_000n);
    expect(sut.weightOf('I63', 'secondary', '2026-11-10', 'g')).toBe(10_800_000n);
    expect(sut.weightOf('I63', 'tertiary', '2026-11-10', 'g')).toBe(12_000_000n);
  });

  it('refuses overlapping rows of one group, points that are not whole and a factor outside 0-100%, all at once', () => {
    const sut = DiseaseGroupTable.empty('fund');
    const [first] = starterDiseaseGroups('2026-01-01');

    const error = refusal(() =>
      sut.load(
        [first!, { ...first!, from: '2026-06-01', points: 1.5 }],
        { ...factors, primary: 12_000 as BasisPoints },
        0,
      ),
    );

    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['groups[1].points', RuleErrorCode.InvalidRuleTable],
      ['groups[1].from', 'OVERLAPPING_EFFECTIVE_DATES'],
      ['levelFactorBp.primary', 'SHARE_OUT_OF_RANGE'],
    ]);
    expect(sut.version).toBe(0);
  });

  it('answers UNKNOWN_DISEASE_GROUP for a code without points on the date', () => {
    expect(refusal(() => loaded().groupOn('Z99', '2026-11-10', 'diseaseGroup')).code).toBe(
      RuleErrorCode.UnknownDiseaseGroup,
    );
    expect(refusal(() => loaded().groupOn('E11', '2025-11-10', 'diseaseGroup')).violations[0]?.field).toBe(
      'diseaseGroup',
    );
  });

  it('weighs a case by its group, and settles one of an unknown group or none fee-for-service with the reason', () => {
    const sut = loaded();

    expect(sut.weighCase('I63', 'secondary', '2026-11-10')).toEqual({
      method: 'points',
      weight: 10_800_000n,
    });
    expect(sut.weighCase('Z99', 'tertiary', '2026-11-10')).toEqual({
      method: 'fee-for-service',
      reason: "disease group Z99 has no points in force on 2026-11-10 in fund fund's table",
    });
    expect(sut.weighCase('E11', 'primary', '2025-12-31')).toMatchObject({ method: 'fee-for-service' });
    expect(sut.weighCase(null, 'primary', '2026-11-10')).toMatchObject({ method: 'fee-for-service' });
  });

  it('answers the table in force on a date: only the groups in force then', () => {
    const sut = DiseaseGroupTable.empty('fund');
    const [first, second] = starterDiseaseGroups('2026-01-01');
    sut.load(
      [{ ...first!, until: '2026-06-30' }, { ...first!, from: '2026-07-01', points: 90 }, second!],
      factors,
      0,
    );

    expect(
      sut
        .inForceOn('2026-03-01')
        .snapshot()
        .groups.map((g) => [g.code, g.points]),
    ).toEqual([
      ['I10', 80],
      ['E11', 120],
    ]);
    expect(
      sut
        .inForceOn('2026-07-01')
        .snapshot()
        .groups.map((g) => [g.code, g.points]),
    ).toEqual([
      ['I10', 90],
      ['E11', 120],
    ]);
    expect(sut.inForceOn('2026-07-01').version).toBe(1);
  });
});
