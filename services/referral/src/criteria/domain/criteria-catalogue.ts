import { ValidationError } from '@medgrid/errors';
import { isIcd10Code } from '@medgrid/kernel';
import { CriteriaError, CriteriaErrorCode, type CriteriaProblem } from './criteria-error';
import { type DiseaseCriteria, type GreenChannel, type ReferralCriterion } from './disease-criteria';
import { prefixesOf } from './icd10-coverage';

/**
 * A justification shorter than this is a gesture, not a reason. Not set by
 * policy, so a group may change it; 10 characters is one short Chinese sentence.
 */
export const DEFAULT_MIN_JUSTIFICATION_LENGTH = 10;

export interface CriteriaCatalogueOptions {
  readonly minJustificationLength?: number;
}

export interface UpwardEvaluation {
  /** The most specific entry covering the code; absent when the catalogue has none. */
  readonly entry?: DiseaseCriteria;
  readonly matchedIndications: readonly ReferralCriterion[];
  /** Claimed codes the catalogue could not check because it does not know the disease. */
  readonly unknownIndications: readonly string[];
  readonly greenChannel: GreenChannel;
  /** Allowed on the written justification alone, not on a catalogued indication. */
  readonly withoutIndication: boolean;
}

export interface DownwardEvaluation {
  readonly entry?: DiseaseCriteria;
  readonly metCriteria: readonly ReferralCriterion[];
  readonly unmetCriteria: readonly ReferralCriterion[];
  /** Confirmed codes the catalogue could not check because it does not know the disease. */
  readonly unknownCriteria: readonly string[];
  readonly primaryManageable: boolean;
  /** Allowed on the written justification alone, not on every stability criterion being met. */
  readonly withoutCriteria: boolean;
}

/**
 * The referral criteria catalogue (双向转诊病种目录) as one immutable value:
 * finds the entry for a diagnosis and checks a referral's claimed indications
 * or stability criteria against it. Entries may refine one another (E11 for
 * type 2 diabetes, E11.2–E11.5 for its chronic complications); the most
 * specific one wins, so two entries may never claim the same prefix.
 */
export class CriteriaCatalogue {
  private constructor(
    readonly entries: readonly DiseaseCriteria[],
    private readonly byPrefix: ReadonlyMap<string, DiseaseCriteria>,
    private readonly minJustificationLength: number,
  ) {}

  static of(entries: readonly DiseaseCriteria[], options: CriteriaCatalogueOptions = {}): CriteriaCatalogue {
    const minJustificationLength = options.minJustificationLength ?? DEFAULT_MIN_JUSTIFICATION_LENGTH;
    if (!Number.isInteger(minJustificationLength) || minJustificationLength < 1) {
      throw new ValidationError([
        {
          field: 'minJustificationLength',
          reason: 'INVALID_VALUE',
          description: 'must be a whole number of characters, at least 1',
        },
      ]);
    }
    const byPrefix = new Map<string, DiseaseCriteria>();
    const problems: CriteriaProblem[] = [];
    entries.forEach((entry, i) => {
      for (const prefix of entry.prefixes) {
        const owner = byPrefix.get(prefix);
        if (owner === undefined) {
          byPrefix.set(prefix, entry);
          continue;
        }
        problems.push({
          field: `entries[${i}].covers`,
          description: `${prefix} is already covered by ${owner.label}`,
        });
      }
    });
    if (problems.length > 0) {
      throw new CriteriaError(
        CriteriaErrorCode.OverlappingCoverage,
        `two entries cover the same code: ${problems.map((p) => p.description).join('; ')}`,
        problems,
      );
    }
    return new CriteriaCatalogue(Object.freeze([...entries]), byPrefix, minJustificationLength);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The most specific entry covering the code (E11.9 → the E11 entry), if any. */
  lookup(icd10Code: string): DiseaseCriteria | undefined {
    for (const prefix of prefixesOf(checkedCode(icd10Code))) {
      const entry = this.byPrefix.get(prefix);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** Unknown diseases are not assumed manageable at primary level. */
  primaryManageable(icd10Code: string): boolean {
    return this.lookup(icd10Code)?.primaryManageable ?? false;
  }

  /**
   * Checks an upward referral (上转). Claimed codes must all be indications of
   * the disease; with none claimed, or a disease the catalogue does not know,
   * the referral stands only on a written justification.
   */
  evaluateUpward(
    icd10Code: string,
    claimedIndicationCodes: readonly string[],
    justification?: string,
  ): UpwardEvaluation {
    const entry = this.lookup(icd10Code);
    const claimed = claimedIndicationCodes.map((code) => code.trim());
    if (entry === undefined) {
      this.requireJustification(
        justification,
        [],
        `${icd10Code.trim()} is not in the referral criteria catalogue`,
      );
      return {
        matchedIndications: [],
        unknownIndications: distinct(claimed.filter((code) => code !== '')),
        greenChannel: 'none',
        withoutIndication: true,
      };
    }
    const unknown = claimed.flatMap((code, i) =>
      entry.upwardIndication(code)
        ? []
        : [
            {
              field: `indicationCodes[${i}]`,
              description: `"${code}" is not an upward indication of ${entry.label}`,
            },
          ],
    );
    if (unknown.length > 0) {
      throw new CriteriaError(
        CriteriaErrorCode.UnknownIndication,
        unknown.map((p) => `${p.field}: ${p.description}`).join('; '),
        unknown,
      );
    }
    const matched = entry.upwardIndications.filter((indication) => claimed.includes(indication.code));
    if (matched.length === 0) {
      this.requireJustification(
        justification,
        [{ field: 'indicationCodes', description: `names no upward indication of ${entry.label}` }],
        `no upward indication of ${entry.label} is claimed`,
      );
    }
    return {
      entry,
      matchedIndications: matched,
      unknownIndications: [],
      greenChannel: entry.greenChannel,
      withoutIndication: matched.length === 0,
    };
  }

  /**
   * Checks a downward referral (下转). Stability criteria are all necessary:
   * unless every one is confirmed, or for a disease the catalogue does not
   * know, the referral stands only on a written justification.
   */
  evaluateDownward(
    icd10Code: string,
    metCriteriaCodes: readonly string[],
    justification?: string,
  ): DownwardEvaluation {
    const entry = this.lookup(icd10Code);
    const confirmed = metCriteriaCodes.map((code) => code.trim());
    if (entry === undefined) {
      this.requireJustification(
        justification,
        [],
        `${icd10Code.trim()} is not in the referral criteria catalogue`,
      );
      return {
        metCriteria: [],
        unmetCriteria: [],
        unknownCriteria: distinct(confirmed.filter((code) => code !== '')),
        primaryManageable: false,
        withoutCriteria: true,
      };
    }
    const unknown = confirmed.flatMap((code, i) =>
      entry.downwardCriterion(code)
        ? []
        : [
            {
              field: `metCriteriaCodes[${i}]`,
              description: `"${code}" is not a downward criterion of ${entry.label}`,
            },
          ],
    );
    if (unknown.length > 0) {
      throw new CriteriaError(
        CriteriaErrorCode.UnknownStabilityCriterion,
        unknown.map((p) => `${p.field}: ${p.description}`).join('; '),
        unknown,
      );
    }
    const met = entry.downwardCriteria.filter((criterion) => confirmed.includes(criterion.code));
    const unmet = entry.downwardCriteria.filter((criterion) => !confirmed.includes(criterion.code));
    if (unmet.length > 0) {
      const missing = unmet.map((criterion) => criterion.code).join(', ');
      this.requireJustification(
        justification,
        [{ field: 'metCriteriaCodes', description: `does not confirm ${missing}` }],
        `${entry.label} is not confirmed stable (${missing})`,
      );
    }
    return {
      entry,
      metCriteria: met,
      unmetCriteria: unmet,
      unknownCriteria: [],
      primaryManageable: entry.primaryManageable,
      withoutCriteria: unmet.length > 0,
    };
  }

  private requireJustification(
    justification: string | undefined,
    problems: CriteriaProblem[],
    why: string,
  ): void {
    const length = [...(justification ?? '').trim()].length;
    if (length >= this.minJustificationLength) return;
    const rule = `a written justification of at least ${this.minJustificationLength} characters is required`;
    throw new CriteriaError(CriteriaErrorCode.JustificationRequired, `${why}: ${rule}`, [
      ...problems,
      { field: 'justification', description: length === 0 ? `is required: ${why}` : `is too short: ${rule}` },
    ]);
  }
}

function checkedCode(icd10Code: string): string {
  const code = icd10Code.trim();
  if (!isIcd10Code(code)) {
    throw new CriteriaError(CriteriaErrorCode.InvalidIcd10Code, `"${code}" is not an ICD-10 code`, [
      { field: 'icd10Code', description: 'must be an ICD-10 code such as I10 or E11.9' },
    ]);
  }
  return code;
}

function distinct(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}
