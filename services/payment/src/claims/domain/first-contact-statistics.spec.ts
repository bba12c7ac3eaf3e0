import fc from 'fast-check';
import { LEVELS } from '../../common/domain/insurance';
import { firstContactStatistics, type OutpatientTally } from './first-contact-statistics';

const PRIMARY = '00000000-0000-4000-8000-000000000001';
const TERTIARY = '00000000-0000-4000-8000-000000000003';
const GROUP = '00000000-0000-4000-8000-0000000000aa';

const tally = (over: Partial<OutpatientTally>): OutpatientTally => ({
  institutionId: PRIMARY,
  groupId: GROUP,
  level: 'primary',
  referred: false,
  visits: 1,
  ...over,
});

describe('firstContactStatistics', () => {
  it('counts visits without a referral as first contacts and the share of them at primary level', () => {
    const statistics = firstContactStatistics([
      tally({ visits: 70 }),
      tally({ referred: true, visits: 9 }),
      tally({ institutionId: TERTIARY, level: 'tertiary', visits: 30 }),
      tally({ institutionId: TERTIARY, level: 'tertiary', referred: true, visits: 12 }),
    ]);

    expect(statistics.total).toEqual({
      institutionId: '',
      groupId: '',
      level: null,
      firstContacts: 100,
      referredVisits: 21,
      primaryFirstContacts: 70,
      primaryShareBp: 7_000,
    });
    expect(statistics.targetShareBp).toBe(7_000);
    expect(
      statistics.figures.map((f) => [f.institutionId, f.level, f.firstContacts, f.primaryShareBp]),
    ).toEqual([
      [PRIMARY, 'primary', 70, 10_000],
      [TERTIARY, 'tertiary', 30, 0],
    ]);
  });

  it('rounds an achieved share down, so 69.99% never shows as the 70% met', () => {
    const statistics = firstContactStatistics([
      tally({ visits: 6_999 }),
      tally({ institutionId: TERTIARY, level: 'tertiary', visits: 3_001 }),
    ]);
    expect(statistics.total.primaryShareBp).toBe(6_999);
  });

  it('has no share where there is no first contact: referred visits only, or nothing', () => {
    expect(firstContactStatistics([]).total.primaryShareBp).toBeNull();
    const referredOnly = firstContactStatistics([tally({ referred: true, visits: 4 })]);
    expect(referredOnly.total).toMatchObject({ firstContacts: 0, referredVisits: 4, primaryShareBp: null });
    expect(referredOnly.figures[0]?.primaryShareBp).toBeNull();
  });

  it('reports an institution without a group with an empty group id', () => {
    expect(firstContactStatistics([tally({ groupId: null })]).figures[0]?.groupId).toBe('');
  });

  it("sums institutions' figures to the total, whatever the visits", () => {
    const tallyArb = fc.record({
      institutionId: fc.constantFrom(PRIMARY, TERTIARY, '00000000-0000-4000-8000-000000000002'),
      groupId: fc.constant(GROUP),
      level: fc.constantFrom(...LEVELS),
      referred: fc.boolean(),
      visits: fc.nat({ max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(tallyArb, { maxLength: 30 }), (tallies) => {
        const { figures, total } = firstContactStatistics(tallies);
        const sum = (pick: (f: (typeof figures)[number]) => number) =>
          figures.reduce((s, f) => s + pick(f), 0);
        expect(sum((f) => f.firstContacts)).toBe(total.firstContacts);
        expect(sum((f) => f.referredVisits)).toBe(total.referredVisits);
        expect(sum((f) => f.primaryFirstContacts)).toBe(total.primaryFirstContacts);
        expect(total.firstContacts + total.referredVisits).toBe(tallies.reduce((s, t) => s + t.visits, 0));
        if (total.primaryShareBp !== null) {
          expect(total.primaryShareBp).toBeGreaterThanOrEqual(0);
          expect(total.primaryShareBp).toBeLessThanOrEqual(10_000);
        }
      }),
    );
  });
});
