import { residentIdProblem } from '@medgrid/kernel';
import { DEFAULT_DEMO_CITY, planGrids, planResidents } from './demo-city.plan';

describe(planGrids.name, () => {
  const sut = planGrids;
  const plan = sut(DEFAULT_DEMO_CITY);

  it('gives each grid a tertiary general lead, a secondary general hospital and 6-12 primary institutions', () => {
    expect(plan).toHaveLength(3);
    for (const grid of plan) {
      const lead = grid.institutions.filter((i) => i.role === 'lead');
      expect(lead).toEqual([expect.objectContaining({ level: 'tertiary', type: 'general-hospital' })]);
      expect(grid.institutions.some((i) => i.level === 'secondary' && i.type === 'general-hospital')).toBe(
        true,
      );
      const primaries = grid.institutions.filter((i) => i.level === 'primary').length;
      expect(primaries).toBeGreaterThanOrEqual(6);
      expect(primaries).toBeLessThanOrEqual(12);
    }
  });

  it('has a few hundred practitioners with distinct licence numbers and 1+1+1 teams', () => {
    const licences = plan.flatMap((g) =>
      g.institutions.flatMap((i) => i.practitioners.map((p) => p.licenceNumber)),
    );
    expect(licences.length).toBeGreaterThan(300);
    expect(new Set(licences).size).toBe(licences.length);
    for (const team of plan.flatMap((g) => g.teams)) {
      expect(team.members.map((m) => m.role)).toEqual([
        'general-practitioner',
        'specialist',
        'health-manager',
      ]);
    }
  });

  it('is the same city for the same seed', () => {
    expect(sut(DEFAULT_DEMO_CITY)).toEqual(plan);
    expect(sut({ ...DEFAULT_DEMO_CITY, seed: 1 })).not.toEqual(plan);
  });
});

describe(planResidents.name, () => {
  const sut = planResidents;

  it('makes distinct residents with valid ID numbers from the grid’s district, with realistic shares', () => {
    const settings = { ...DEFAULT_DEMO_CITY, residents: 20_000 };
    const plan = planGrids(settings);
    const residents = [...sut(settings, plan, 2026)];

    expect(residents).toHaveLength(20_000);
    expect(new Set(residents.map((r) => r.residentIdNumber)).size).toBe(20_000);
    // Valid from the first moment of the year they are planned in: no birth date in the future.
    const newYear = new Date('2026-01-01T00:00:00+08:00');
    expect(residents.filter((r) => residentIdProblem(r.residentIdNumber, newYear) !== null)).toEqual([]);
    expect(residents.every((r) => r.residentIdNumber.startsWith(plan[r.gridIndex]!.regionCode))).toBe(true);
    const share = (predicate: (r: (typeof residents)[number]) => boolean) =>
      residents.filter(predicate).length / residents.length;
    expect(share((r) => r.teamIndex !== null)).toBeGreaterThan(0.35);
    expect(share((r) => r.teamIndex !== null)).toBeLessThan(0.65);
    expect(share((r) => r.tags.includes('hypertension'))).toBeGreaterThan(0.1);
  });
});
