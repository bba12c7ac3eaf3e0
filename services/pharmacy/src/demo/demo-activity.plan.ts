import { type InstitutionLevel } from '../common/institution-level';

/**
 * The demo city's prescribing, planned deterministically from a seed (no I/O): what each institution keeps on its
 * formulary, and the prescriptions its HIS checks, so the city's indicators (essential-medicine share, volume-based
 * share, long prescriptions accepted and capped) have figures to show after the quick start. Most institutions
 * prescribe essential medicines first, well above the portal's 50% line; one hospital prescribes mostly
 * non-essential originators and brands, so the portal has one institution below target to show.
 */

export interface DemoInstitution {
  readonly id: string;
  readonly level: InstitutionLevel;
}

export interface DemoGroup {
  readonly id: string;
  readonly institutions: readonly DemoInstitution[];
  /** Residents contracted with a team of the group (签约居民), the patients of its prescriptions. */
  readonly patients: readonly string[];
}

/** What the plan needs of a drug of the group's catalogue as in force. */
export interface DemoDrug {
  readonly code: string;
  readonly essential: boolean;
  readonly volumeBased: boolean;
  readonly levels: readonly InstitutionLevel[];
}

export interface PlannedLine {
  readonly drugCode: string;
  readonly quantity: number;
  readonly daysOfSupply: number;
}

export interface PlannedPrescription {
  readonly groupId: string;
  readonly institutionId: string;
  /** Its place among its institution's planned prescriptions, from 0: the loader skips those already checked. */
  readonly ordinal: number;
  readonly patientResidentId: string;
  readonly diagnosisCodes: readonly string[];
  readonly stable: boolean;
  readonly regimenUnchanged: boolean;
  readonly lines: readonly PlannedLine[];
  /** Where in the loading window it is checked: 0 its start, 1 its end. */
  readonly position: number;
}

export interface PlannedFormulary {
  readonly groupId: string;
  readonly institutionId: string;
  readonly drugCodes: readonly string[];
  /** Packs received of each, the stock on hand the formulary starts with. */
  readonly packs: number;
}

/** The counts GetPrescribingStatistics should give an institution once its planned checks are recorded. */
export interface PlannedTally {
  readonly checks: number;
  readonly lines: number;
  readonly essentialLines: number;
  readonly volumeBasedLines: number;
  readonly longAccepted: number;
  readonly longCapped: number;
}

export interface PrescribingPlan {
  readonly formularies: readonly PlannedFormulary[];
  readonly prescriptions: readonly PlannedPrescription[];
  /** The institution planned below the essential-share target, when the city has one to spare. */
  readonly belowTarget: string | null;
  readonly tallies: ReadonlyMap<string, PlannedTally>;
}

export interface PrescribingPlanSettings {
  readonly seed: number;
  readonly prescriptionsPerGroup: number;
  readonly essentialPerFormulary: number;
  readonly otherPerFormulary: number;
}

export const DEMO_PRESCRIBING: PrescribingPlanSettings = {
  seed: 440100,
  prescriptionsPerGroup: 300,
  essentialPerFormulary: 18,
  otherPerFormulary: 8,
};

/** The share of lines an institution below target writes for essential medicines: clearly under the 50% line. */
export const BELOW_TARGET_ESSENTIAL = 0.3;

// Chronic diseases on the city's long-prescription list, and an acute or unlisted one for ordinary visits.
const LISTED_CHRONIC = ['I10', 'E11.9', 'I25.1', 'J44.9'] as const;
const OTHER_DIAGNOSES = ['E78.5', 'J06.9', 'K29.7', 'M54.5'] as const;
const ORDINARY_DAYS = [7, 14, 28, 30] as const;
const LONG_DAYS = [56, 84] as const;
const ORDINARY_MAX_DAYS = 30;

/** Deterministic PRNG (mulberry32): the same seed gives the same plan. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `count` items spread evenly over `items` (every k-th), so a formulary covers many generics, not one class. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/** The drugs of the catalogue an institution of the level stocks: essential ones first, then some others. */
export function formularyOf(
  drugs: readonly DemoDrug[],
  level: InstitutionLevel,
  settings: PrescribingPlanSettings = DEMO_PRESCRIBING,
): DemoDrug[] {
  const allowed = [...drugs]
    .filter((drug) => drug.levels.includes(level))
    .sort((a, b) => a.code.localeCompare(b.code));
  return [
    ...spread(
      allowed.filter((drug) => drug.essential),
      settings.essentialPerFormulary,
    ),
    ...spread(
      allowed.filter((drug) => !drug.essential),
      settings.otherPerFormulary,
    ),
  ];
}

/** The hospital that prescribes below target: the first secondary hospital of the city, else its first institution. */
function belowTargetOf(groups: readonly DemoGroup[]): string | null {
  const institutions = byId(groups.flatMap((group) => group.institutions));
  if (institutions.length < 2) return null;
  return (institutions.find((i) => i.level === 'secondary') ?? institutions[0])!.id;
}

const WEIGHT: Record<InstitutionLevel, number> = { tertiary: 3, secondary: 2, primary: 1 };

/**
 * The plan: per group, `prescriptionsPerGroup` prescriptions spread over its institutions (hospitals see more
 * patients), 1-5 lines each from the institution's formulary, essential medicines at each institution's own rate
 * (75-92%, the hospital below target 30%), a fifth of the chronic patients given a long prescription (56 or 84
 * days), which the rule caps when the prescriber states the condition not stable or the regimen changed.
 */
export function planPrescribing(
  groups: readonly DemoGroup[],
  drugsOfGroup: (groupId: string) => readonly DemoDrug[],
  settings: PrescribingPlanSettings = DEMO_PRESCRIBING,
): PrescribingPlan {
  const random = seededRandom(settings.seed);
  const below = belowTargetOf(groups);
  const formularies: PlannedFormulary[] = [];
  const prescriptions: PlannedPrescription[] = [];
  const tallies = new Map<string, PlannedTally>();
  for (const group of byId(groups)) {
    const drugs = drugsOfGroup(group.id);
    const institutions = byId(group.institutions);
    const stocked = new Map<string, DemoDrug[]>();
    for (const institution of institutions) {
      const formulary = formularyOf(drugs, institution.level, settings);
      stocked.set(institution.id, formulary);
      if (formulary.length > 0) {
        formularies.push({
          groupId: group.id,
          institutionId: institution.id,
          drugCodes: formulary.map((drug) => drug.code),
          packs: institution.level === 'primary' ? 200 : 500,
        });
      }
    }
    const essentialRate = new Map(
      institutions.map((i) => [i.id, i.id === below ? BELOW_TARGET_ESSENTIAL : 0.75 + 0.17 * random()]),
    );
    const prescribing = institutions.filter((i) => (stocked.get(i.id) ?? []).length > 0);
    if (prescribing.length === 0 || group.patients.length === 0) continue;
    const weights = prescribing.map((i) => WEIGHT[i.level]);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const ordinals = new Map<string, number>();
    const patients = [...group.patients].sort();
    for (let n = 0; n < settings.prescriptionsPerGroup; n++) {
      let draw = random() * totalWeight;
      const index = weights.findIndex((weight) => (draw -= weight) < 0);
      const institution = prescribing[index === -1 ? prescribing.length - 1 : index]!;
      const formulary = stocked.get(institution.id)!;
      const essentials = formulary.filter((drug) => drug.essential);
      const others = formulary.filter((drug) => !drug.essential);
      const chronic = random() < 0.7;
      const long = chronic && random() < 0.2;
      const stable = random() < 0.9;
      const regimenUnchanged = random() < 0.85;
      const diagnosisCodes = chronic ? [pick(random, LISTED_CHRONIC)] : [pick(random, OTHER_DIAGNOSES)];
      const lineCount = 1 + Math.min(4, Math.floor(random() * random() * 6));
      const lines: PlannedLine[] = [];
      const used = new Set<string>();
      for (let l = 0; l < lineCount; l++) {
        const wantEssential = random() < essentialRate.get(institution.id)!;
        const from = (wantEssential && essentials.length > 0) || others.length === 0 ? essentials : others;
        const drug = pick(random, from);
        if (used.has(drug.code)) continue;
        used.add(drug.code);
        const daysOfSupply = long ? pick(random, LONG_DAYS) : pick(random, ORDINARY_DAYS);
        lines.push({
          drugCode: drug.code,
          quantity: Math.max(1, Math.ceil(daysOfSupply / 14)),
          daysOfSupply,
        });
      }
      const ordinal = ordinals.get(institution.id) ?? 0;
      ordinals.set(institution.id, ordinal + 1);
      const prescription: PlannedPrescription = {
        groupId: group.id,
        institutionId: institution.id,
        ordinal,
        patientResidentId: pick(random, patients),
        diagnosisCodes,
        stable,
        regimenUnchanged,
        lines,
        position: n / settings.prescriptionsPerGroup,
      };
      prescriptions.push(prescription);
      tallies.set(institution.id, addTally(tallies.get(institution.id), prescription, formulary));
    }
  }
  return { formularies, prescriptions, belowTarget: below, tallies };
}

const EMPTY: PlannedTally = {
  checks: 0,
  lines: 0,
  essentialLines: 0,
  volumeBasedLines: 0,
  longAccepted: 0,
  longCapped: 0,
};

/**
 * A prescription's counts as the statistics will give them: every line is of a catalogued drug the level allows;
 * beyond the ordinary 30 days a line is accepted for a stable contracted patient on an unchanged regimen (every
 * planned patient is contracted, every long diagnosis listed) and capped otherwise.
 */
function addTally(
  tally: PlannedTally = EMPTY,
  prescription: PlannedPrescription,
  formulary: readonly DemoDrug[],
): PlannedTally {
  const eligible = prescription.stable && prescription.regimenUnchanged;
  let next = { ...tally, checks: tally.checks + 1 };
  for (const line of prescription.lines) {
    const drug = formulary.find((d) => d.code === line.drugCode)!;
    const long = line.daysOfSupply > ORDINARY_MAX_DAYS;
    next = {
      ...next,
      lines: next.lines + 1,
      essentialLines: next.essentialLines + (drug.essential ? 1 : 0),
      volumeBasedLines: next.volumeBasedLines + (drug.volumeBased ? 1 : 0),
      longAccepted: next.longAccepted + (long && eligible ? 1 : 0),
      longCapped: next.longCapped + (long && !eligible ? 1 : 0),
    };
  }
  return next;
}

/** An institution's essential share of lines in basis points, rounded down as the statistics round it. */
export function essentialShareBp(tally: PlannedTally): number | null {
  return tally.lines === 0 ? null : Math.floor((tally.essentialLines * 10_000) / tally.lines);
}
