/**
 * The level of an institution as the registry announces it (三级 / 二级 / 基层): a catalogue item names the levels
 * that may stock it, and prescribing and continuity judge an institution by its level.
 */
export const INSTITUTION_LEVELS = ['tertiary', 'secondary', 'primary'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export function isInstitutionLevel(value: string): value is InstitutionLevel {
  return (INSTITUTION_LEVELS as readonly string[]).includes(value);
}
