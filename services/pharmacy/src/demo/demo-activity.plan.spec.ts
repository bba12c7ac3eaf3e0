import { starterCatalogue } from '../catalogue/domain/starter/starter-catalogue';
import { type InstitutionLevel } from '../common/institution-level';
import {
  DEMO_PRESCRIBING,
  type DemoGroup,
  essentialShareBp,
  formularyOf,
  planPrescribing,
} from './demo-activity.plan';

const id = (n: number) => `01a248e5-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** Two groups of a tertiary, a secondary and three primary institutions, with 50 contracted residents each. */
function aCity(): DemoGroup[] {
  const levels: InstitutionLevel[] = ['tertiary', 'secondary', 'primary', 'primary', 'primary'];
  return [1, 2].map((g) => ({
    id: id(g * 100),
    institutions: levels.map((level, i) => ({ id: id(g * 100 + i + 1), level })),
    patients: Array.from({ length: 50 }, (_, i) => `44010219800101${String(g * 100 + i).padStart(4, '0')}`),
  }));
}

const drugs = starterCatalogue();

describe(planPrescribing.name, () => {
  const sut = planPrescribing;

  it('is the same plan for the same city, whatever order the groups and institutions come in', () => {
    const city = aCity();
    const shuffled = [...city].reverse().map((g) => ({
      ...g,
      institutions: [...g.institutions].reverse(),
      patients: [...g.patients].reverse(),
    }));

    expect(sut(shuffled, () => drugs)).toEqual(sut(city, () => drugs));
  });

  it("plans a few hundred prescriptions per group, 1-5 lines each from the institution's own formulary", () => {
    const plan = sut(aCity(), () => drugs);

    expect(plan.prescriptions).toHaveLength(2 * DEMO_PRESCRIBING.prescriptionsPerGroup);
    const formularies = new Map(plan.formularies.map((f) => [f.institutionId, new Set(f.drugCodes)]));
    for (const p of plan.prescriptions) {
      expect(p.lines.length).toBeGreaterThanOrEqual(1);
      expect(p.lines.length).toBeLessThanOrEqual(5);
      for (const line of p.lines) expect(formularies.get(p.institutionId)?.has(line.drugCode)).toBe(true);
      expect(p.position).toBeGreaterThanOrEqual(0);
      expect(p.position).toBeLessThan(1);
    }
  });

  it("numbers each institution's prescriptions from 0, so a second run can skip those already checked", () => {
    const plan = sut(aCity(), () => drugs);

    for (const institutionId of plan.tallies.keys()) {
      const ordinals = plan.prescriptions
        .filter((p) => p.institutionId === institutionId)
        .map((p) => p.ordinal);
      expect(ordinals).toEqual(ordinals.map((_, i) => i));
    }
  });

  it('keeps one secondary hospital below the 50% essential-share target and every other institution above it', () => {
    const plan = sut(aCity(), () => drugs);

    expect(plan.belowTarget).toBe(id(102));
    for (const [institutionId, tally] of plan.tallies) {
      const share = essentialShareBp(tally)!;
      if (institutionId === plan.belowTarget) expect(share).toBeLessThan(4_000);
      else expect(share).toBeGreaterThanOrEqual(6_000);
    }
  });

  it('gives some long prescriptions and caps some, and prescribes volume-based winners', () => {
    const tallies = [...sut(aCity(), () => drugs).tallies.values()];
    const sum = (key: 'longAccepted' | 'longCapped' | 'volumeBasedLines') =>
      tallies.reduce((total, t) => total + t[key], 0);

    expect(sum('longAccepted')).toBeGreaterThan(20);
    expect(sum('longCapped')).toBeGreaterThan(0);
    expect(sum('longCapped')).toBeLessThan(sum('longAccepted'));
    expect(sum('volumeBasedLines')).toBeGreaterThan(0);
  });
});

describe(formularyOf.name, () => {
  it('stocks only what the level may, essential medicines first', () => {
    const primary = formularyOf(drugs, 'primary');

    expect(primary.every((drug) => drug.levels.includes('primary'))).toBe(true);
    expect(primary.filter((drug) => drug.essential)).toHaveLength(DEMO_PRESCRIBING.essentialPerFormulary);
    expect(primary.filter((drug) => !drug.essential)).toHaveLength(DEMO_PRESCRIBING.otherPerFormulary);
  });
});
