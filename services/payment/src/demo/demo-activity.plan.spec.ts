import { residentIdCheckCharacter } from '@medgrid/kernel';
import { claimViolations } from '../claims/domain/claim-submission';
import { type InstitutionLevel } from '../common/domain/insurance';
import {
  type DemoCity,
  type DemoContract,
  type DemoGroup,
  demoMonths,
  planDemoActivity,
  uncontractedResidentId,
} from './demo-activity.plan';

const now = new Date('2026-12-05T02:00:00Z');

function aGroup(n: number): DemoGroup {
  const id = (k: number) => `0193a1b2-0000-7000-8000-${String(n * 100 + k).padStart(12, '0')}`;
  const levels: InstitutionLevel[] = ['primary', 'primary', 'primary', 'secondary', 'tertiary'];
  return { id: id(0), institutions: levels.map((level, k) => ({ id: id(k + 1), level })) };
}

function aContract(groupId: string, n: number, from: string, diseases: string[] = []): DemoContract {
  const first17 = `44010619600512${String(n).padStart(3, '0')}`;
  return {
    residentId: first17 + residentIdCheckCharacter(first17),
    groupId,
    from,
    until: '2027-12-31',
    diseases,
  };
}

const [first, second, third] = [aGroup(1), aGroup(2), aGroup(3)];
const city: DemoCity = {
  cityId: '0193a1b2-0000-7000-8000-0000000000c1',
  groups: [first, second, third],
  contracts: [
    ...Array.from({ length: 40 }, (_, n) => aContract(first.id, n, '2026-01-01', n % 3 ? [] : ['diabetes'])),
    ...Array.from({ length: 40 }, (_, n) => aContract(second.id, 100 + n, '2026-12-01', ['hypertension'])),
  ],
  today: '2026-12-05',
};

describe(planDemoActivity.name, () => {
  const sut = planDemoActivity(city);
  const outpatient = (groupId: string) =>
    sut.claims.filter((c) => c.groupId === groupId && c.claim.encounter.kind === 'outpatient');
  const primaryShare = (groupId: string) =>
    outpatient(groupId).filter((c) => c.level === 'primary').length / outpatient(groupId).length;

  it('makes the same plan of the same city on the same day', () => {
    expect(planDemoActivity(city)).toEqual(sut);
  });

  it('dates claims from the first of the month before last through today, never later', () => {
    expect(sut.months).toEqual(['2026-10', '2026-11', '2026-12']);
    const dates = sut.claims.map((c) => c.claim.serviceDate).sort();
    expect(dates[0]).toBe('2026-10-01');
    expect(dates.at(-1)).toBe('2026-12-05');
    for (const month of sut.months)
      expect(sut.claims.some((c) => c.claim.serviceDate.startsWith(month))).toBe(true);
  });

  it('counts the months back across a new year', () => {
    expect(demoMonths('2027-01-15')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(demoMonths('2027-02-01')).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('plans about a thousand claims a group at the default scale, and fewer when asked', () => {
    expect(sut.claims.length).toBeGreaterThan(2_400);
    expect(sut.claims.length).toBeLessThan(3_600);
    expect(planDemoActivity({ ...city, scale: 0.2 }).claims.length).toBeLessThan(sut.claims.length / 3);
  });

  it('plans only claims payment would accept: valid lines, amounts, diagnoses and residents', () => {
    for (const planned of sut.claims) {
      const violations = claimViolations(
        { ...planned.claim, institutionId: planned.institutionId, institutionLevel: planned.level },
        now,
      );
      expect(violations).toEqual([]);
      for (const line of planned.claim.lines) expect(Number.isInteger(line.amount)).toBe(true);
    }
  });

  it("keeps each claim number once per institution, each at one of its group's institutions", () => {
    const keys = sut.claims.map((c) => `${c.institutionId}:${c.claim.claimNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const planned of sut.claims) {
      const group = city.groups.find((g) => g.id === planned.groupId)!;
      expect(group.institutions).toContainEqual({ id: planned.institutionId, level: planned.level });
    }
  });

  it('admits inpatients only at hospitals, for whole bed days', () => {
    const stays = sut.claims.filter((c) => c.claim.encounter.kind === 'inpatient');
    expect(stays.length).toBeGreaterThan(100);
    for (const stay of stays) {
      expect(stay.level).not.toBe('primary');
      const days = stay.claim.encounter.kind === 'inpatient' ? stay.claim.encounter.days : 0;
      expect(Number.isInteger(days) && days >= 1).toBe(true);
    }
  });

  it('puts 72-80% of first contacts at primary level, the second group below the 70% target', () => {
    expect(primaryShare(first.id)).toBeCloseTo(sut.primaryShareBp[first.id]! / 10_000, 2);
    expect(primaryShare(second.id)).toBeLessThan(0.7);
    expect(primaryShare(third.id)).toBeGreaterThanOrEqual(0.72);
    expect(primaryShare(first.id)).toBeLessThanOrEqual(0.8);
    expect(sut.claims.every((c) => c.claim.referralId === null)).toBe(true);
  });

  it('states a contract only when one was in force with the group on the service date', () => {
    const contracted = sut.claims.filter((c) => c.claim.contracted);
    expect(contracted.length).toBeGreaterThan(0);
    for (const planned of contracted) {
      const contract = city.contracts.find(
        (c) => c.residentId === planned.claim.residentId && c.groupId === planned.groupId,
      )!;
      expect(contract.from <= planned.claim.serviceDate).toBe(true);
    }
    // The second group's contracts start in December: its earlier visits by those residents are not contracted.
    expect(
      sut.claims
        .filter((c) => c.groupId === second.id && c.claim.contracted)
        .every((c) => c.claim.serviceDate >= '2026-12-01'),
    ).toBe(true);
  });

  it('covers every resident a claim names from the start of the year, once', () => {
    const named = new Set(sut.claims.map((c) => c.claim.residentId));
    expect(sut.coverage.map((r) => r.residentId).sort()).toEqual([...named].sort());
    expect(sut.coverage.every((r) => r.from === '2026-01-01' && r.until === null)).toBe(true);
  });

  it('draws uncontracted residents with valid identity numbers, the same each time', () => {
    const id = uncontractedResidentId(first.id, 7);
    expect(uncontractedResidentId(first.id, 7)).toBe(id);
    expect(id.slice(17)).toBe(residentIdCheckCharacter(id.slice(0, 17)));
  });

  it('budgets every group each month above its spend, the last group below it', () => {
    expect(sut.budgets).toHaveLength(9);
    for (const budget of sut.budgets) {
      if (budget.groupId === third.id) expect(budget.ratioBp).toBeLessThan(10_000);
      else expect(budget.ratioBp).toBeGreaterThan(10_000);
    }
    expect(sut.budgets.find((b) => b.groupId === first.id && b.month === '2026-11')?.residents).toBe(40);
    expect(sut.budgets.find((b) => b.groupId === second.id && b.month === '2026-11')?.residents).toBe(0);
  });

  it('settles the month before last of every group and last month of all but the first', () => {
    expect(sut.settlements).toEqual([
      { groupId: first.id, month: '2026-10' },
      { groupId: second.id, month: '2026-10' },
      { groupId: third.id, month: '2026-10' },
      { groupId: second.id, month: '2026-11' },
      { groupId: third.id, month: '2026-11' },
    ]);
    expect(sut.leftUnsettled).toEqual({ groupId: first.id, month: '2026-11' });
  });

  it("keeps a day's claims as they were when the plan is made again a day later", () => {
    const tomorrow = planDemoActivity({ ...city, today: '2026-12-06' });
    const byNumber = new Map(tomorrow.claims.map((c) => [`${c.institutionId}:${c.claim.claimNumber}`, c]));
    for (const planned of sut.claims)
      expect(byNumber.get(`${planned.institutionId}:${planned.claim.claimNumber}`)).toEqual(planned);
    expect(tomorrow.claims.length).toBeGreaterThan(sut.claims.length);
  });

  it('starts the rules, the policy (60% of a surplus kept, overspend 6:4) and the rates with the months', () => {
    expect(sut.effectiveFrom).toBe('2026-10-01');
    expect(sut.policy).toMatchObject({
      from: '2026-10-01',
      surplusRetainedBp: 6000,
      overspend: { fundBp: 6000, financeBp: 4000 },
    });
    expect(sut.capitationRates).toEqual([
      expect.objectContaining({ diseaseGroup: null, from: '2026-10-01' }),
      expect.objectContaining({ diseaseGroup: 'E11', annualPerResident: 750_000 }),
    ]);
  });
});
