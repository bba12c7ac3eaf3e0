import { STARTER_CATALOGUE } from '../recognition/domain/starter/starter-catalogue';
import {
  DEMO_RECOGNITION,
  type DemoGroup,
  type DemoItem,
  type DemoLevel,
  MIN_VALIDITY_DAYS,
  planRecognition,
  rateBp,
} from './demo-activity.plan';

const id = (n: number) => `01a248e5-0000-7000-8000-${String(n).padStart(12, '0')}`;

function aCity(): DemoGroup[] {
  const levels: DemoLevel[] = ['tertiary', 'secondary', 'primary', 'primary', 'primary'];
  return [1, 2].map((g) => ({
    id: id(g * 100),
    institutions: levels.map((level, i) => ({ id: id(g * 100 + i + 1), level })),
    patients: Array.from({ length: 60 }, (_, i) => `44010219800101${String(g * 100 + i).padStart(4, '0')}`),
  }));
}

const items: DemoItem[] = STARTER_CATALOGUE.filter(
  (item) => item.kind === 'laboratory' && item.recognition?.scope === 'region',
).map((item) => ({ code: item.code, validityDays: item.recognition!.validityDays }));

describe(planRecognition.name, () => {
  const sut = planRecognition;

  it('is the same plan for the same city, whatever order the groups and institutions come in', () => {
    const shuffled = aCity()
      .reverse()
      .map((g) => ({
        ...g,
        institutions: [...g.institutions].reverse(),
        patients: [...g.patients].reverse(),
      }));

    expect(sut(shuffled, [...items].reverse())).toEqual(sut(aCity(), items));
  });

  it("follows each result by a look-up from another institution of its group, within the result's validity", () => {
    const plan = sut(aCity(), items);
    const validity = new Map(items.map((item) => [item.code, item.validityDays]));

    expect(plan.results).toHaveLength(2 * DEMO_RECOGNITION.resultsPerGroup);
    for (const [n, result] of plan.results.entries()) {
      const lookup = plan.lookups[n]!;
      expect(lookup).toMatchObject({
        groupId: result.groupId,
        patientResidentId: result.patientResidentId,
        itemCode: result.itemCode,
      });
      expect(lookup.ordererId).not.toBe(result.performerId);
      const delay = result.performedDaysAgo - lookup.lookedUpDaysAgo;
      expect(delay).toBeGreaterThanOrEqual(0.5 - 1e-3);
      expect(delay).toBeLessThan(validity.get(result.itemCode)!);
      expect(validity.get(result.itemCode)).toBeGreaterThanOrEqual(MIN_VALIDITY_DAYS);
      expect(lookup.lookedUpDaysAgo).toBeGreaterThan(0);
      expect(result.performedDaysAgo).toBeLessThanOrEqual(DEMO_RECOGNITION.windowDays);
    }
  });

  it('reuses 85-92% of what is offered, orders the rest anyway with a reason, and offers nothing to some', () => {
    const plan = sut(aCity(), items);
    const total = [...plan.figures.values()].reduce(
      (sum, f) => ({
        lookups: sum.lookups + f.lookups,
        offered: sum.offered + f.offered,
        reused: sum.reused + f.reused,
        orderedAnyway: sum.orderedAnyway + f.orderedAnyway,
      }),
      { lookups: 0, offered: 0, reused: 0, orderedAnyway: 0 },
    );

    expect(rateBp(total)).toBeGreaterThanOrEqual(8_200);
    expect(rateBp(total)).toBeLessThanOrEqual(9_500);
    expect(total.lookups).toBe(plan.lookups.length);
    expect(total.lookups - total.offered).toBeGreaterThan(0);
    for (const lookup of plan.lookups) {
      if (lookup.decision.kind === 'order-anyway') expect(lookup.decision.reason).not.toBe('');
    }
  });

  it('offers nothing only to a patient with no planned result of the item', () => {
    const plan = sut(aCity(), items);
    const withResults = new Set(plan.results.map((r) => `${r.patientResidentId}|${r.itemCode}`));

    for (const lookup of plan.lookups.filter((l) => l.decision.kind === 'nothing-offered')) {
      expect(withResults.has(`${lookup.patientResidentId}|${lookup.itemCode}`)).toBe(false);
    }
  });

  it('plans nothing for a group of one institution, nor without a recognised item', () => {
    const [group] = aCity();
    const alone = { ...group!, institutions: group!.institutions.slice(0, 1) };

    expect(sut([alone], items).lookups).toEqual([]);
    expect(sut(aCity(), []).results).toEqual([]);
  });
});
