import { type FieldViolation } from '../api/portal-types';

/**
 * A rule a form's draft breaks before it is sent, named as the service names it in its answer (`entry.nameZh`,
 * `drug.unifiedPriceFen`), so the page shows the form's own check and the service's refusal under the same field.
 */
export interface Problem {
  readonly field: string;
  /** The service's reason for the same rule (REQUIRED, INVALID_FORMAT, NOT_FEN). */
  readonly reason: string;
  /** The message to show when the reason alone says too little for this field (DRUG_CODE_LENGTH); else the reason's. */
  readonly message?: string;
  /** Values of the message (a length, a range). */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Chinese characters: a Chinese text has one, an English text none. */
export const HAN = /\p{Script=Han}/u;

/**
 * The violation of one field: its own, or one of a part of it (`entry.covers` shows `entry.covers[1]`,
 * `drug.levels` shows `drug.levels[0]`); `exact` for a list's own violation only, its items shown by each row.
 */
export function violationAt(
  violations: readonly FieldViolation[],
  field: string,
  exact = false,
): FieldViolation | undefined {
  return violations.find(
    (v) =>
      v.field === field || (!exact && (v.field.startsWith(`${field}.`) || v.field.startsWith(`${field}[`))),
  );
}

/** A trimmed text given, of at most `max` characters: REQUIRED or TOO_LONG otherwise. */
export function checkRequiredText(problems: Problem[], field: string, value: string, max: number): boolean {
  const text = value.trim();
  if (text === '') {
    problems.push({ field, reason: 'REQUIRED' });
    return false;
  }
  if (text.length > max) problems.push({ field, reason: 'TOO_LONG', params: { max } });
  return true;
}

/** A trimmed text of 1 to `max` characters: INVALID_LENGTH otherwise (pharmacy's and lab-sharing's reason). */
export function checkLength(problems: Problem[], field: string, value: string, max: number): void {
  const text = value.trim();
  if (text === '' || text.length > max) problems.push({ field, reason: 'INVALID_LENGTH', params: { max } });
}

/** A whole number written in a form's field, or null when it is not one. */
export function wholeNumberOf(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}
