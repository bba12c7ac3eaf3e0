/**
 * The demo city's mutual recognition (检查检验结果互认), planned deterministically from a seed (no I/O): results the
 * hospitals and centres of each group performed over the last 30 days, then look-ups ("already done?") by other
 * institutions of the group before ordering the same item for the same patient, most followed by reuse of the
 * result offered, the rest by an order anyway with the clinician's reason, and some for a patient with no result
 * to offer. So the city's recognition rate (Guangzhou averaged about 90%) and repeat tests avoided have figures.
 */

export type DemoLevel = 'tertiary' | 'secondary' | 'primary';

export interface DemoInstitution {
  readonly id: string;
  readonly level: DemoLevel;
}

export interface DemoGroup {
  readonly id: string;
  readonly institutions: readonly DemoInstitution[];
  /** Residents contracted with a team of the group: the patients of its results and look-ups. */
  readonly patients: readonly string[];
}

/** A recognised item of the region's catalogue: its code and how many days a result of it stays valid. */
export interface DemoItem {
  readonly code: string;
  readonly validityDays: number;
}

export interface PlannedResult {
  /** Stable across runs: what the client request id is made from. */
  readonly key: string;
  readonly groupId: string;
  readonly performerId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  /** Days before the run that it was performed. */
  readonly performedDaysAgo: number;
  readonly reportedAfterHours: number;
}

export type PlannedDecision =
  | { readonly kind: 'reuse' }
  | { readonly kind: 'order-anyway'; readonly reason: string }
  /** A patient with no result of the item: nothing is offered, the order goes ahead. */
  | { readonly kind: 'nothing-offered' };

export interface PlannedLookup {
  readonly key: string;
  readonly groupId: string;
  readonly ordererId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly lookedUpDaysAgo: number;
  readonly decision: PlannedDecision;
}

/** The counts GetRecognitionStatistics should give an ordering institution, all items together. */
export interface PlannedFigures {
  readonly lookups: number;
  readonly offered: number;
  readonly reused: number;
  readonly orderedAnyway: number;
}

export interface RecognitionPlan {
  readonly results: readonly PlannedResult[];
  readonly lookups: readonly PlannedLookup[];
  /** By ordering institution. */
  readonly figures: ReadonlyMap<string, PlannedFigures>;
}

export interface RecognitionPlanSettings {
  readonly seed: number;
  readonly resultsPerGroup: number;
  /** Of the look-ups, those for a patient with no result of the item. */
  readonly nothingOfferedShare: number;
  readonly windowDays: number;
  readonly itemsUsed: number;
}

export const DEMO_RECOGNITION: RecognitionPlanSettings = {
  seed: 440100,
  resultsPerGroup: 160,
  nothingOfferedShare: 0.1,
  windowDays: 30,
  itemsUsed: 12,
};

/** Why a clinician orders again despite a recognised result (the reasons a site records most). */
export const ORDER_ANYWAY_REASONS = [
  '病情变化，需复查 (condition changed since the result)',
  '急诊需要即时结果 (emergency: a result of now is needed)',
  '术前评估需本院结果 (pre-operative work-up at this hospital)',
  '结果与临床表现不符 (result does not fit the clinical picture)',
] as const;

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

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

const PERFORMER_WEIGHT: Record<DemoLevel, number> = { tertiary: 4, secondary: 3, primary: 1 };
/** A look-up follows its result by at least this much (the result is reported first), and at most this. */
const MIN_DELAY_DAYS = 0.5;
const MAX_DELAY_DAYS = 6;
/** Items whose results stay valid at least this long: a look-up days later still finds them recognised. */
export const MIN_VALIDITY_DAYS = 7;

const round = (days: number) => Math.round(days * 10_000) / 10_000;

/**
 * The plan: per group, `resultsPerGroup` results of the items used (hospitals perform most of them, centres some),
 * each followed within its validity by a look-up from another institution of the group, which reuses it at the
 * institution's own rate (85-92%) and orders anyway otherwise; and `nothingOfferedShare` more look-ups for a patient
 * with no result of the item. A group of one institution has no one to look its results up.
 */
export function planRecognition(
  groups: readonly DemoGroup[],
  items: readonly DemoItem[],
  settings: RecognitionPlanSettings = DEMO_RECOGNITION,
): RecognitionPlan {
  const random = seededRandom(settings.seed);
  const used = spread(
    [...items]
      .filter((item) => item.validityDays >= MIN_VALIDITY_DAYS)
      .sort((a, b) => a.code.localeCompare(b.code)),
    settings.itemsUsed,
  );
  const results: PlannedResult[] = [];
  const lookups: PlannedLookup[] = [];
  const figures = new Map<string, PlannedFigures>();
  const count = (institutionId: string, decision: PlannedDecision) => {
    const f = figures.get(institutionId) ?? { lookups: 0, offered: 0, reused: 0, orderedAnyway: 0 };
    figures.set(institutionId, {
      lookups: f.lookups + 1,
      offered: f.offered + (decision.kind === 'nothing-offered' ? 0 : 1),
      reused: f.reused + (decision.kind === 'reuse' ? 1 : 0),
      orderedAnyway: f.orderedAnyway + (decision.kind === 'order-anyway' ? 1 : 0),
    });
  };
  if (used.length === 0) return { results, lookups, figures };
  const sorted = byId(groups);
  const withResults = new Set<string>();
  for (const group of sorted) {
    const institutions = byId(group.institutions);
    if (institutions.length < 2 || group.patients.length === 0) continue;
    const reuseRate = new Map(institutions.map((i) => [i.id, 0.85 + 0.07 * random()]));
    const weights = institutions.map((i) => PERFORMER_WEIGHT[i.level]);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const patients = [...group.patients].sort();
    for (let n = 0; n < settings.resultsPerGroup; n++) {
      let draw = random() * totalWeight;
      const index = weights.findIndex((weight) => (draw -= weight) < 0);
      const performer = institutions[index === -1 ? institutions.length - 1 : index]!;
      const others = institutions.filter((i) => i.id !== performer.id);
      const orderer = pick(random, others);
      const item = pick(random, used);
      const patientResidentId = pick(random, patients);
      const performedDaysAgo = round(1 + random() * (settings.windowDays - 1.5));
      const maxDelay = Math.min(item.validityDays - 0.5, performedDaysAgo - 0.1, MAX_DELAY_DAYS);
      const delay = MIN_DELAY_DAYS + random() * (maxDelay - MIN_DELAY_DAYS);
      const key = `${group.id}:result:${n}`;
      results.push({
        key,
        groupId: group.id,
        performerId: performer.id,
        patientResidentId,
        itemCode: item.code,
        performedDaysAgo,
        reportedAfterHours: 2 + Math.floor(random() * 5),
      });
      withResults.add(`${patientResidentId}|${item.code}`);
      const decision: PlannedDecision =
        random() < reuseRate.get(orderer.id)!
          ? { kind: 'reuse' }
          : { kind: 'order-anyway', reason: pick(random, ORDER_ANYWAY_REASONS) };
      lookups.push({
        key: `${group.id}:lookup:${n}`,
        groupId: group.id,
        ordererId: orderer.id,
        patientResidentId,
        itemCode: item.code,
        lookedUpDaysAgo: round(performedDaysAgo - delay),
        decision,
      });
    }
  }
  for (const group of sorted) {
    const institutions = byId(group.institutions);
    if (institutions.length < 2 || group.patients.length === 0) continue;
    const patients = [...group.patients].sort();
    const extra = Math.round(settings.resultsPerGroup * settings.nothingOfferedShare);
    for (let n = 0; n < extra; n++) {
      const item = pick(random, used);
      const patientResidentId = pick(random, patients);
      // A patient with a result of the item somewhere in the region would be offered it: not this kind.
      if (withResults.has(`${patientResidentId}|${item.code}`)) continue;
      lookups.push({
        key: `${group.id}:lookup-none:${n}`,
        groupId: group.id,
        ordererId: pick(random, institutions).id,
        patientResidentId,
        itemCode: item.code,
        lookedUpDaysAgo: round(0.1 + random() * (settings.windowDays - 1)),
        decision: { kind: 'nothing-offered' },
      });
    }
  }
  for (const lookup of lookups) count(lookup.ordererId, lookup.decision);
  return { results, lookups, figures };
}

/** Reused among decided, in basis points rounded down, as the statistics compute it; null with none decided. */
export function rateBp(figures: PlannedFigures): number | null {
  const decided = figures.reused + figures.orderedAnyway;
  return decided === 0 ? null : Math.floor((figures.reused * 10_000) / decided);
}
