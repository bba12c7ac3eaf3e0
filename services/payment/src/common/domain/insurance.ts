/**
 * The basic medical insurance schemes a resident may be covered by: the urban employees' scheme (城镇职工基本医疗保险)
 * and the urban and rural residents' scheme (城乡居民基本医疗保险).
 */
export const SCHEMES = ['urban-employee', 'urban-rural-resident'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** Institution levels as the registry has them (docs/domain.md section 1): primary is 基层. */
export const LEVELS = ['primary', 'secondary', 'tertiary'] as const;
export type InstitutionLevel = (typeof LEVELS)[number];

export const ENCOUNTERS = ['outpatient', 'inpatient'] as const;
export type EncounterKind = (typeof ENCOUNTERS)[number];

export function isScheme(value: string): value is Scheme {
  return (SCHEMES as readonly string[]).includes(value);
}

export function isLevel(value: string): value is InstitutionLevel {
  return (LEVELS as readonly string[]).includes(value);
}
