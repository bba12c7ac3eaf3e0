import { addDays, addMonths, isoWeekday, residentIdCheckCharacter } from '@medgrid/kernel';
import { v5 as uuidv5 } from 'uuid';
import { type CapitationRate } from '../budgets/domain/capitation-rate';
import { type ClaimContent } from '../claims/application/claim-content';
import { type ClaimLine, type LineKind } from '../claims/domain/claim-line';
import { type InstitutionLevel, type Scheme } from '../common/domain/insurance';
import { type Fen } from '../common/domain/money';
import { type EnrolmentRow } from '../enrolment/domain/enrolment-roll';
import { type SettlementPolicy, studyPolicy } from '../settlement/domain/settlement-policy';

/**
 * The quick start's insurance activity for the demo city, worked out from what payment has learnt of the city (its
 * groups, their institutions and the residents' contracts) and today's date: what the loader puts through payment's
 * own use cases. Pure and deterministic: the same city on the same day gives the same plan, and every claim of a
 * day keeps its number whatever day the plan is made on, so a later run only adds the days since.
 */

/** Every name-based id of the demo (client requests, claim numbers) is drawn from this namespace. */
export const DEMO_NAMESPACE = '5b0f3e6a-9c41-5d2e-8a7b-2f64c1d9e803';

export interface DemoInstitution {
  readonly id: string;
  readonly level: InstitutionLevel;
}

export interface DemoGroup {
  readonly id: string;
  readonly institutions: readonly DemoInstitution[];
}

/** A resident's contract with a team of a group, in force from `from` through `until` (an early end already applied). */
export interface DemoContract {
  readonly residentId: string;
  readonly groupId: string;
  readonly from: string;
  readonly until: string;
  /** The diseases the contract manages (hypertension, diabetes, ...). */
  readonly diseases: readonly string[];
}

export interface DemoCity {
  readonly cityId: string;
  /** The city's groups; the first is the one whose last month is left unsettled. */
  readonly groups: readonly DemoGroup[];
  readonly contracts: readonly DemoContract[];
  /** Today in Asia/Shanghai (YYYY-MM-DD): no claim is dated after it. */
  readonly today: string;
  /** How busy the city is: 1 is about 1,000 claims a group over the three months; tests ask for less. */
  readonly scale?: number;
}

export interface PlannedClaim {
  readonly groupId: string;
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly claim: ClaimContent;
}

/**
 * A group's global budget for a month, sized against the fund's spend once the month's claims are in (the loader
 * reads it): `ratioBp` of the spend, 10,000 being exactly the spend; a month not over is sized on its spend so far
 * projected to the whole month.
 */
export interface PlannedBudget {
  readonly groupId: string;
  readonly month: string;
  readonly ratioBp: number;
  readonly residents: number;
  readonly basis: string;
}

export interface DemoActivityPlan {
  /** The month before last, last month and this month, YYYY-MM. */
  readonly months: readonly [string, string, string];
  /** The first day of the month before last: the table, policy and rates are in force from it. */
  readonly effectiveFrom: string;
  readonly policy: SettlementPolicy;
  readonly capitationRates: readonly CapitationRate[];
  /** A coverage row for every resident a claim names. */
  readonly coverage: readonly EnrolmentRow[];
  readonly claims: readonly PlannedClaim[];
  readonly budgets: readonly PlannedBudget[];
  /** Settled in this order: the month before last of every group, then last month of all but the first. */
  readonly settlements: readonly { readonly groupId: string; readonly month: string }[];
  /** Last month of the first group, left for an operator to settle from the portal. */
  readonly leftUnsettled: { readonly groupId: string; readonly month: string } | null;
  /** The share of each group's outpatient visits planned at primary level, in basis points. */
  readonly primaryShareBp: Readonly<Record<string, number>>;
}

/** The first-contact target is 70%: one group (the second) falls below it, the others are 72-80%. */
const PRIMARY_SHARES_BP = [7_800, 6_400, 7_400, 7_600, 7_200, 8_000];
/** Budgets 12-24% above spend leave a surplus; the last group's, 10% below, an overspend. */
const SURPLUS_RATIOS_BP = [11_800, 12_400, 11_200];
const OVERSPEND_RATIO_BP = 9_000;
const WEEKDAY_VISITS = 15;
const WEEKEND_VISITS = 8;
/** Stays discharged a day, per group. */
const STAYS_A_DAY = 1;
/** The share of visits by a resident contracted with the group, when the group has contracts. */
const CONTRACTED_SHARE = 0.6;
const UNCONTRACTED_POOL = 300;
const OVERALL_RATE_FEN = 12_000 as Fen;
const DIABETES_RATE_FEN = 750_000 as Fen;

interface Diagnosis {
  readonly code: string;
  readonly item: readonly [string, number];
  readonly drug: readonly [string, number];
}

/** Common outpatient conditions, each with a usual examination and drug (codes of the fund's catalogue, prices in fen). */
const OUTPATIENT: readonly Diagnosis[] = [
  { code: 'I10', item: ['BP-24H', 3000], drug: ['XC-AMLODIPINE', 2850] },
  { code: 'E11.9', item: ['LAB-HBA1C', 6000], drug: ['XC-METFORMIN', 1500] },
  { code: 'J06.9', item: ['LAB-CBC', 2500], drug: ['XC-LIANHUA', 1800] },
  { code: 'J44.9', item: ['SPIROMETRY', 8000], drug: ['XC-TIOTROPIUM', 12_000] },
  { code: 'K29.7', item: ['LAB-HP', 5000], drug: ['XC-OMEPRAZOLE', 2200] },
  { code: 'M54.5', item: ['XRAY-LUMBAR', 9000], drug: ['XC-IBUPROFEN', 1200] },
];
const INPATIENT: readonly Diagnosis[] = [
  { code: 'I63.9', item: ['CT-HEAD', 45_000], drug: ['XC-ALTEPLASE-DAY', 28_000] },
  { code: 'J18.9', item: ['CT-CHEST', 35_000], drug: ['XC-CEFTRIAXONE-DAY', 12_000] },
  { code: 'I50.9', item: ['ECHO', 30_000], drug: ['XC-FUROSEMIDE-DAY', 8000] },
  { code: 'J44.1', item: ['BLOOD-GAS', 15_000], drug: ['XC-NEBULISER-DAY', 10_000] },
  { code: 'K35.8', item: ['APPENDICECTOMY', 280_000], drug: ['XC-CEFUROXIME-DAY', 9000] },
  { code: 'E11.9', item: ['LAB-GLUCOSE-PROFILE', 12_000], drug: ['XC-INSULIN-DAY', 6000] },
];
const CONSULTATION: Record<InstitutionLevel, number> = { primary: 1000, secondary: 2500, tertiary: 5000 };
const PRICE_FACTOR: Record<InstitutionLevel, number> = { primary: 1, secondary: 1.6, tertiary: 2.2 };
const BED_DAY: Record<InstitutionLevel, number> = { primary: 4000, secondary: 6000, tertiary: 9000 };
const UNCONTRACTED_REGIONS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114'];

/** FNV-1a of a text, the seed of the draws made for it. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Deterministic draws (mulberry32) seeded by a text, so a day's claims do not depend on any other day's. */
function drawsFor(text: string): () => number {
  let a = hashOf(text);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], draw: () => number): T {
  return items[Math.floor(draw() * items.length)]!;
}

function between(low: number, high: number, draw: () => number): number {
  return low + Math.floor(draw() * (high - low + 1));
}

/** How many of a running count's `k`-th share of a steady rate falls on it: over any run the total is rate × run. */
function quota(rate: number, k: number): number {
  return Math.floor((k + 1) * rate + 1e-9) - Math.floor(k * rate + 1e-9);
}

function line(code: string, kind: LineKind, quantity: number, unitPrice: number): ClaimLine {
  return { code, kind, quantity, unitPrice: unitPrice as Fen, amount: (quantity * unitPrice) as Fen };
}

function roundedPrice(base: number, level: InstitutionLevel): number {
  return Math.round((base * PRICE_FACTOR[level]) / 10) * 10;
}

/** A valid GB 11643 number of a resident no contract names, the same for the same group and place in its pool. */
export function uncontractedResidentId(groupId: string, index: number): string {
  const draw = drawsFor(`${groupId}:uncontracted:${index}`);
  const year = between(1940, 2018, draw);
  const month = between(1, 12, draw);
  const day = between(1, 28, draw);
  const first17 =
    pick(UNCONTRACTED_REGIONS, draw) +
    `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}` +
    String(between(0, 999, draw)).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}

/** The months of the plan: the month before last, last month and this month of `today`. */
export function demoMonths(today: string): [string, string, string] {
  const first = `${today.slice(0, 7)}-01`;
  return [addMonths(first, -2).slice(0, 7), addMonths(first, -1).slice(0, 7), today.slice(0, 7)];
}

/** The claim number of a group's day's `n`-th claim of a kind: a name-based UUID, the same on every run. */
export function demoClaimNumber(groupId: string, date: string, kind: 'OP' | 'IP', n: number): string {
  return `DEMO-${kind}-${uuidv5(`${groupId}:${date}:${kind}:${n}`, DEMO_NAMESPACE)}`;
}

interface GroupDay {
  readonly group: DemoGroup;
  readonly groupIndex: number;
  readonly date: string;
  /** The group's outpatient visits planned before this day: where the primary share is counted from. */
  readonly visitsBefore: number;
  readonly visits: number;
  readonly stays: number;
  readonly contracted: readonly DemoContract[];
  readonly scale: number;
}

function residentFor(
  day: GroupDay,
  draw: () => number,
): { residentId: string; contract: DemoContract | null } {
  if (day.contracted.length > 0 && draw() < CONTRACTED_SHARE) {
    const contract = pick(day.contracted, draw);
    const inForce = contract.from <= day.date && day.date <= contract.until;
    return { residentId: contract.residentId, contract: inForce ? contract : null };
  }
  const pool = Math.max(10, Math.round(UNCONTRACTED_POOL * day.scale));
  return { residentId: uncontractedResidentId(day.group.id, Math.floor(draw() * pool)), contract: null };
}

function diagnosisFor(contract: DemoContract | null, draw: () => number): Diagnosis {
  if (contract?.diseases.includes('diabetes') && draw() < 0.6) return OUTPATIENT[1]!;
  if (contract?.diseases.includes('hypertension') && draw() < 0.6) return OUTPATIENT[0]!;
  return pick(OUTPATIENT, draw);
}

function visitsOf(day: GroupDay): PlannedClaim[] {
  const draw = drawsFor(`${day.group.id}:${day.date}:visits`);
  const share = (PRIMARY_SHARES_BP[day.groupIndex % PRIMARY_SHARES_BP.length] ?? 7_500) / 10_000;
  const primary = day.group.institutions.filter((i) => i.level === 'primary');
  const hospitals = day.group.institutions.filter((i) => i.level !== 'primary');
  const claims: PlannedClaim[] = [];
  for (let n = 0; n < day.visits; n += 1) {
    const atPrimary = quota(share, day.visitsBefore + n) === 1;
    const choices = (atPrimary ? primary : hospitals).length
      ? atPrimary
        ? primary
        : hospitals
      : day.group.institutions;
    const institution = pick(choices, draw);
    const { residentId, contract } = residentFor(day, draw);
    const diagnosis = diagnosisFor(contract, draw);
    const level = institution.level;
    claims.push({
      groupId: day.group.id,
      institutionId: institution.id,
      level,
      claim: {
        claimNumber: demoClaimNumber(day.group.id, day.date, 'OP', n),
        residentId,
        serviceDate: day.date,
        encounter: { kind: 'outpatient' },
        lines: [
          line(`CONSULT-${level.charAt(0).toUpperCase()}`, 'consultation', 1, CONSULTATION[level]),
          line(diagnosis.item[0], 'item', 1, roundedPrice(diagnosis.item[1], level)),
          line(diagnosis.drug[0], 'drug', between(1, 3, draw), roundedPrice(diagnosis.drug[1], level)),
        ],
        principalDiagnosis: diagnosis.code,
        diseaseGroup: null,
        referralId: null,
        contracted: contract !== null,
      },
    });
  }
  return claims;
}

function staysOf(day: GroupDay): PlannedClaim[] {
  const hospitals = day.group.institutions.filter((i) => i.level !== 'primary');
  if (!hospitals.length) return [];
  const draw = drawsFor(`${day.group.id}:${day.date}:stays`);
  const claims: PlannedClaim[] = [];
  for (let n = 0; n < day.stays; n += 1) {
    const institution = pick(hospitals, draw);
    const { residentId, contract } = residentFor(day, draw);
    const diagnosis = pick(INPATIENT, draw);
    const days = between(3, 12, draw);
    const level = institution.level;
    claims.push({
      groupId: day.group.id,
      institutionId: institution.id,
      level,
      claim: {
        claimNumber: demoClaimNumber(day.group.id, day.date, 'IP', n),
        residentId,
        serviceDate: day.date,
        encounter: { kind: 'inpatient', days },
        lines: [
          line('BED-DAY', 'item', days, BED_DAY[level]),
          line('NURSING-L2', 'item', days, roundedPrice(2500, level)),
          line(diagnosis.item[0], 'item', 1, roundedPrice(diagnosis.item[1], level)),
          line(diagnosis.drug[0], 'drug', days, roundedPrice(diagnosis.drug[1], level)),
        ],
        principalDiagnosis: diagnosis.code,
        diseaseGroup: null,
        referralId: null,
        contracted: contract !== null,
      },
    });
  }
  return claims;
}

/** Where a resident's scheme comes from: most of a city's insured are employees, the rest in the residents' scheme. */
function schemeOf(residentId: string): Scheme {
  return hashOf(`scheme:${residentId}`) % 10 < 7 ? 'urban-employee' : 'urban-rural-resident';
}

export function planDemoActivity(city: DemoCity): DemoActivityPlan {
  const scale = city.scale ?? 1;
  const months = demoMonths(city.today);
  const effectiveFrom = `${months[0]}-01`;
  const claims: PlannedClaim[] = [];
  const primaryShareBp: Record<string, number> = {};
  city.groups.forEach((group, groupIndex) => {
    primaryShareBp[group.id] = PRIMARY_SHARES_BP[groupIndex % PRIMARY_SHARES_BP.length]!;
    const contracted = city.contracts
      .filter((c) => c.groupId === group.id)
      .sort((a, b) => (a.residentId < b.residentId ? -1 : a.residentId > b.residentId ? 1 : 0));
    let visitsBefore = 0;
    let dayIndex = 0;
    for (let date = effectiveFrom; date <= city.today; date = addDays(date, 1), dayIndex += 1) {
      const weekend = isoWeekday(date) >= 6;
      const visits = Math.max(1, Math.round((weekend ? WEEKEND_VISITS : WEEKDAY_VISITS) * scale));
      const stays = quota(STAYS_A_DAY * scale, dayIndex);
      const day: GroupDay = { group, groupIndex, date, visitsBefore, visits, stays, contracted, scale };
      claims.push(...visitsOf(day), ...staysOf(day));
      visitsBefore += visits;
    }
  });

  const coverageYear = `${effectiveFrom.slice(0, 4)}-01-01`;
  const residents = [...new Set(claims.map((c) => c.claim.residentId))].sort();
  const coverage = residents.map((residentId) => ({
    residentId,
    scheme: schemeOf(residentId),
    from: coverageYear,
    until: null,
  }));

  const last = city.groups.length - 1;
  const budgets = months.flatMap((month) =>
    city.groups.map((group, index) => {
      const overspends = last > 0 && index === last;
      const first = `${month}-01`;
      const managed = new Set(
        city.contracts
          .filter((c) => c.groupId === group.id && c.from <= first && first <= c.until)
          .map((c) => c.residentId),
      ).size;
      return {
        groupId: group.id,
        month,
        ratioBp: overspends ? OVERSPEND_RATIO_BP : SURPLUS_RATIOS_BP[index % SURPLUS_RATIOS_BP.length]!,
        residents: managed,
        basis: overspends
          ? 'demo: integrated-service agreement, 10% below the spend (an overspend)'
          : 'demo: integrated-service agreement, above the spend (a surplus)',
      };
    }),
  );

  return {
    months,
    effectiveFrom,
    policy: { ...studyPolicy(effectiveFrom), basis: 'demo: ' + studyPolicy(effectiveFrom).basis },
    capitationRates: [
      {
        diseaseGroup: null,
        annualPerResident: OVERALL_RATE_FEN,
        from: effectiveFrom,
        until: null,
        basis: 'demo: ¥120 a year per contracted resident',
      },
      {
        diseaseGroup: 'E11',
        annualPerResident: DIABETES_RATE_FEN,
        from: effectiveFrom,
        until: null,
        basis: 'demo: ¥7,500 a year per diabetic patient under management [Tianjin]',
      },
    ],
    coverage,
    claims,
    budgets,
    settlements: [
      ...city.groups.map((group) => ({ groupId: group.id, month: months[0] })),
      ...city.groups.slice(1).map((group) => ({ groupId: group.id, month: months[1] })),
    ],
    leftUnsettled: city.groups[0] ? { groupId: city.groups[0].id, month: months[1] } : null,
    primaryShareBp,
  };
}
