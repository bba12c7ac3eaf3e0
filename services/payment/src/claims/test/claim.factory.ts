import { type SettledPeriods } from '../domain/settled-periods';
import { type Fen } from '../../common/domain/money';
import { aResidentId } from '../../enrolment/test/enrolment.factory';
import { type ClaimLine } from '../domain/claim-line';
import { type ClaimSubmission } from '../domain/claim-submission';

export const HOSPITAL_ID = '0193a1b2-0000-7000-8000-000000000001';
export const REFERRAL_ID = '0193a1b2-0000-7000-8000-0000000000aa';

/** A line of `quantity` at `unitPrice` fen, its amount worked out. */
export function aLine(overrides: Partial<ClaimLine> = {}): ClaimLine {
  const quantity = overrides.quantity ?? 1;
  const unitPrice = overrides.unitPrice ?? (5000 as Fen);
  return {
    code: 'ITEM-001',
    kind: 'item',
    quantity,
    unitPrice,
    amount: Math.round(quantity * unitPrice) as Fen,
    ...overrides,
  };
}

/**
 * A referred contracted resident's outpatient visit to a tertiary hospital for type 2 diabetes: a ¥50 consultation,
 * a ¥300 examination and ¥150 of metformin (¥500 in all), changed as asked.
 */
export function aClaim(overrides: Partial<ClaimSubmission> = {}): ClaimSubmission {
  return {
    institutionId: HOSPITAL_ID,
    institutionLevel: 'tertiary',
    claimNumber: 'OP-2026-000123',
    residentId: aResidentId(),
    serviceDate: '2026-11-10',
    encounter: { kind: 'outpatient' },
    lines: [
      aLine({ code: 'CONSULT-T', kind: 'consultation', unitPrice: 5000 as Fen }),
      aLine({ code: 'LAB-HBA1C', unitPrice: 30000 as Fen }),
      aLine({ code: 'XC-METFORMIN', kind: 'drug', quantity: 3, unitPrice: 5000 as Fen }),
    ],
    principalDiagnosis: 'E11.900',
    diseaseGroup: 'E11',
    referralId: REFERRAL_ID,
    contracted: true,
    ...overrides,
  };
}

/** Claims' SettledPeriods when no period is settled (settlement's own tests settle one). */
export const NO_PERIOD_SETTLED: SettledPeriods = { isSettled: () => Promise.resolve(false) };
