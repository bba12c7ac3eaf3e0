import {
  type EncounterKind,
  type InstitutionLevel,
  LEVELS,
  SCHEMES,
  type Scheme,
} from '../../../common/domain/insurance';
import { type Fen } from '../../../common/domain/money';
import { type BasisPoints } from '../../../common/domain/share';
import {
  CONTRACT_STATUSES,
  type DeductibleBasis,
  REFERRAL_STATUSES,
  type ReimbursementRule,
} from '../reimbursement-rule';

interface Base {
  readonly rateBp: Record<InstitutionLevel, number>;
  readonly deductible: Record<InstitutionLevel, number>;
  readonly deductibleBasis: DeductibleBasis;
  readonly ceiling: number;
}

/**
 * The base rates, deductibles (yuan) and yearly ceilings (yuan) a new region starts from. The gaps between levels
 * follow the policy (primary 15-20 points above tertiary [First-contact study]); the levels themselves, the
 * deductibles and the ceilings are the platform's own round figures, for a fund to replace with its own.
 */
const BASE: Record<Scheme, Record<EncounterKind, Base>> = {
  'urban-employee': {
    outpatient: {
      rateBp: { primary: 7000, secondary: 6000, tertiary: 5000 },
      deductible: { primary: 200, secondary: 200, tertiary: 200 },
      deductibleBasis: 'per-year',
      ceiling: 6000,
    },
    inpatient: {
      rateBp: { primary: 9000, secondary: 8500, tertiary: 7500 },
      deductible: { primary: 200, secondary: 500, tertiary: 1000 },
      deductibleBasis: 'per-claim',
      ceiling: 400000,
    },
  },
  'urban-rural-resident': {
    outpatient: {
      rateBp: { primary: 6000, secondary: 5000, tertiary: 4000 },
      deductible: { primary: 100, secondary: 100, tertiary: 100 },
      deductibleBasis: 'per-year',
      ceiling: 3000,
    },
    inpatient: {
      rateBp: { primary: 8500, secondary: 7500, tertiary: 6500 },
      deductible: { primary: 300, secondary: 600, tertiary: 1200 },
      deductibleBasis: 'per-claim',
      ceiling: 250000,
    },
  },
};

/** Points taken off a visit straight to a secondary or tertiary institution without a referral. */
export const UNREFERRED_PENALTY_BP = 1000;
/** Points added at primary care for a contracted resident (Shanghai: 5-10%). */
export const CONTRACTED_PRIMARY_BONUS_BP = 500;

/**
 * The starter reimbursement table, in force from `from`: every scheme, level, encounter kind, referral and contract
 * status a row (2 × 3 × 2 × 2 × 2 = 48). Above the base: a visit straight to a higher level without a referral
 * loses 10 points [First-contact study, read as percentage points]; a contracted resident gains 5 points at primary
 * care [First-contact study, Shanghai]; a referred contracted resident pays no consultation fee at the higher level
 * (一免) [Guangzhou reply 2020].
 */
export function starterReimbursementRules(from: string): ReimbursementRule[] {
  return SCHEMES.flatMap((scheme) =>
    (['outpatient', 'inpatient'] as const).flatMap((encounter) =>
      LEVELS.flatMap((level) =>
        REFERRAL_STATUSES.flatMap((referral) =>
          CONTRACT_STATUSES.map((contract) => {
            const base = BASE[scheme][encounter];
            const basis = [
              `base rate ${base.rateBp[level] / 100}% at ${level} (${scheme}, ${encounter}): primary ${(base.rateBp.primary - base.rateBp.tertiary) / 100} points above tertiary [First-contact study: 15-20 points]`,
            ];
            let rate = base.rateBp[level];
            const higher = level !== 'primary';
            if (higher && referral === 'unreferred') {
              rate -= UNREFERRED_PENALTY_BP;
              basis.push('10 points less: a higher level visited without a referral [First-contact study]');
            }
            if (!higher && contract === 'contracted') {
              rate += CONTRACTED_PRIMARY_BONUS_BP;
              basis.push(
                '5 points more: a contracted resident at primary care [First-contact study, Shanghai 5-10%]',
              );
            }
            const waived = higher && referral === 'referred' && contract === 'contracted';
            if (waived)
              basis.push(
                'consultation fee waived for a referred contracted resident (一免) [Guangzhou reply 2020]',
              );
            return {
              scheme,
              level,
              encounter,
              referral,
              contract,
              from,
              until: null,
              deductible: (base.deductible[level] * 100) as Fen,
              deductibleBasis: base.deductibleBasis,
              ceiling: (base.ceiling * 100) as Fen,
              rateBp: rate as BasisPoints,
              consultationWaived: waived,
              basis,
            };
          }),
        ),
      ),
    ),
  );
}
