import { type FieldViolation } from '@medgrid/errors';
import { LOINC_PROBLEM_TEXT, loincProblem } from '../../recognition/domain/loinc-code';

export type ObservationValue =
  | { readonly kind: 'quantity'; readonly value: number; readonly unit: string }
  /** A coded finding, e.g. 阴性/阳性 or a SNOMED CT or ICD-10 code. */
  | { readonly kind: 'coded'; readonly system: string; readonly code: string; readonly display: string }
  | { readonly kind: 'text'; readonly text: string };

/** A quantity's reference range, in the value's unit; one end may be open. */
export interface ReferenceRange {
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * Abnormal flags of HL7 table 0078: normal, low, high, critically low, critically high, abnormal (for coded and
 * text findings). LL and HH are critical values (危急值).
 */
export const ABNORMAL_FLAGS = ['N', 'L', 'H', 'LL', 'HH', 'A'] as const;
export type AbnormalFlag = (typeof ABNORMAL_FLAGS)[number];

/** One measured or observed result of a report: an item (or a panel's component), its value and how it stands. */
export interface Observation {
  /** The catalogue code of the item observed: the ordered item, or a component of an ordered panel. */
  readonly itemCode: string;
  readonly nationalCode: string | null;
  readonly loinc: string | null;
  readonly name: string;
  readonly value: ObservationValue;
  readonly referenceRange: ReferenceRange | null;
  readonly flag: AbnormalFlag;
}

export function isCriticalFlag(flag: AbnormalFlag): boolean {
  return flag === 'LL' || flag === 'HH';
}

/** Where a quantity stands against its range: below, within or above. */
function sideOf(value: number, range: ReferenceRange): 'low' | 'normal' | 'high' {
  if (range.low !== null && value < range.low) return 'low';
  if (range.high !== null && value > range.high) return 'high';
  return 'normal';
}

const ITEM_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const UNIT_MAX = 20;
const TEXT_MAX = 2000;

/**
 * Every rule an observation breaks, under `path`: a well-formed code (and LOINC check digit), a finite quantity
 * with its unit, a range whose low end is not above its high end and which belongs to a quantity, and a flag
 * that does not contradict the range (a value above the range is H or HH, below it L or LL, within it N; coded
 * and written findings are N or A).
 */
export function observationViolations(observation: Observation, path: string): FieldViolation[] {
  const found: FieldViolation[] = [];
  const add = (field: string, reason: string, description: string) =>
    found.push({ field: `${path}.${field}`, reason, description });
  if (!ITEM_CODE.test(observation.itemCode) || observation.itemCode.length > 32) {
    add('itemCode', 'INVALID_FORMAT', 'a catalogue item code');
  }
  if (observation.loinc !== null) {
    const problem = loincProblem(observation.loinc);
    if (problem) add('loinc', problem, LOINC_PROBLEM_TEXT[problem]);
  }
  if (!observation.name.trim() || observation.name.length > 100)
    add('name', 'INVALID_LENGTH', '1-100 characters');
  const value = observation.value;
  switch (value.kind) {
    case 'quantity':
      if (!Number.isFinite(value.value)) add('value.value', 'NOT_A_NUMBER', 'a finite number');
      if (!value.unit.trim() || value.unit.length > UNIT_MAX)
        add('value.unit', 'INVALID_LENGTH', `1-${UNIT_MAX} characters (e.g. mmol/L)`);
      break;
    case 'coded':
      if (!value.system.trim()) add('value.system', 'REQUIRED', 'the code system of the finding');
      if (!value.code.trim()) add('value.code', 'REQUIRED', 'the code of the finding');
      if (!value.display.trim()) add('value.display', 'REQUIRED', 'how the finding reads');
      break;
    case 'text':
      if (!value.text.trim() || value.text.length > TEXT_MAX)
        add('value.text', 'INVALID_LENGTH', `1-${TEXT_MAX} characters`);
      break;
  }
  if (!(ABNORMAL_FLAGS as readonly string[]).includes(observation.flag)) {
    add('flag', 'UNKNOWN_VALUE', `one of ${ABNORMAL_FLAGS.join(', ')}`);
    return found;
  }
  const range = observation.referenceRange;
  if (range !== null) {
    if (value.kind !== 'quantity') {
      add('referenceRange', 'NOT_APPLICABLE', 'a reference range belongs to a quantity');
    } else if (range.low === null && range.high === null) {
      add('referenceRange', 'REQUIRED', 'a range has at least one end');
    } else if (range.low !== null && range.high !== null && range.low > range.high) {
      add('referenceRange', 'LOW_ABOVE_HIGH', 'the low end is not above the high end');
    } else if (Number.isFinite(value.value)) {
      const side = sideOf(value.value, range);
      const fits =
        (side === 'low' && (observation.flag === 'L' || observation.flag === 'LL')) ||
        (side === 'high' && (observation.flag === 'H' || observation.flag === 'HH')) ||
        (side === 'normal' && observation.flag === 'N');
      if (!fits)
        add(
          'flag',
          'CONTRADICTS_RANGE',
          `the value is ${side === 'normal' ? 'within' : side === 'low' ? 'below' : 'above'} its range`,
        );
    }
  } else if (value.kind === 'quantity' && observation.flag === 'A') {
    add('flag', 'NOT_APPLICABLE', 'a quantity is flagged low, high or normal against its range');
  }
  if (value.kind !== 'quantity' && observation.flag !== 'N' && observation.flag !== 'A') {
    add(
      'flag',
      'NOT_APPLICABLE',
      'a coded or written finding is N or A; a critical one is flagged on the report',
    );
  }
  return found;
}
