/**
 * The national insurance drug code (国家医保药品分类与代码, 医保药品编码): 23 upper-case letters and digits. The
 * first says the kind, X for a Western (chemical or biological) drug and Z for a Chinese patent medicine; for a
 * Western drug the next five are its ATC chemical subgroup (C08CA: dihydropyridine calcium-channel blockers); the
 * rest encode the generic name, the dosage form, the strength and pack, and the manufacturer. The format is checked
 * here; whether a code exists is the national database's business, not this service's.
 */
export const DRUG_CODE_LENGTH = 23;

export type DrugCodeProblem = 'INVALID_LENGTH' | 'INVALID_FORMAT' | 'UNKNOWN_KIND' | 'INVALID_ATC_GROUP';

export const DRUG_CODE_PROBLEM_TEXT: Record<DrugCodeProblem, string> = {
  INVALID_LENGTH: `a national insurance drug code has ${DRUG_CODE_LENGTH} characters`,
  INVALID_FORMAT: 'upper-case letters and digits only',
  UNKNOWN_KIND: 'starts with X (Western drug) or Z (Chinese patent medicine)',
  INVALID_ATC_GROUP: 'a Western drug code names its ATC chemical subgroup in characters 2-6 (e.g. C08CA)',
};

const CHARACTERS = /^[A-Z0-9]+$/;
const ATC_SUBGROUP = /^[A-Z][0-9]{2}[A-Z]{2}$/;

/** What is wrong with a code, or null when its format is right. */
export function drugCodeProblem(code: string): DrugCodeProblem | null {
  if (code.length !== DRUG_CODE_LENGTH) return 'INVALID_LENGTH';
  if (!CHARACTERS.test(code)) return 'INVALID_FORMAT';
  const kind = code[0];
  if (kind !== 'X' && kind !== 'Z') return 'UNKNOWN_KIND';
  if (kind === 'X' && !ATC_SUBGROUP.test(code.slice(1, 6))) return 'INVALID_ATC_GROUP';
  return null;
}

/** The ATC chemical subgroup a Western drug's code names; null for a Chinese patent medicine. */
export function atcSubgroupOf(code: string): string | null {
  return code.startsWith('X') ? code.slice(1, 6) : null;
}
