/** Tier of an institution (三级/二级/基层). */
export type InstitutionLevel = 'tertiary' | 'secondary' | 'primary';

export type InstitutionType =
  | 'general-hospital'
  | 'specialist-hospital'
  | 'tcm-hospital'
  | 'rehabilitation-hospital'
  | 'nursing-home'
  | 'community-health-centre'
  | 'community-health-station'
  | 'township-health-centre'
  | 'village-clinic'
  | 'shared-centre';

/**
 * Which levels each type of institution can have. Community centres,
 * stations, township centres and village clinics are primary care by
 * definition; hospitals are secondary or tertiary.
 */
export const LEVELS_OF_TYPE: Readonly<Record<InstitutionType, readonly InstitutionLevel[]>> = {
  'general-hospital': ['tertiary', 'secondary'],
  'specialist-hospital': ['tertiary', 'secondary'],
  'tcm-hospital': ['tertiary', 'secondary'],
  'rehabilitation-hospital': ['tertiary', 'secondary'],
  'nursing-home': ['secondary', 'primary'],
  'community-health-centre': ['primary'],
  'community-health-station': ['primary'],
  'township-health-centre': ['primary'],
  'village-clinic': ['primary'],
  'shared-centre': ['tertiary', 'secondary', 'primary'],
};

export const INSTITUTION_TYPES = Object.keys(LEVELS_OF_TYPE) as InstitutionType[];

export function levelFitsType(level: InstitutionLevel, type: InstitutionType): boolean {
  return LEVELS_OF_TYPE[type].includes(level);
}

/** Continuing-care institutions (康复医院, 护理院) count like a secondary hospital in a group. */
export function isContinuingCare(type: InstitutionType): boolean {
  return type === 'rehabilitation-hospital' || type === 'nursing-home';
}

export interface InstitutionClass {
  readonly level: InstitutionLevel;
  readonly type: InstitutionType;
}

/** A group's lead hospital must be a tertiary general hospital (docs/domain.md). */
export function canLeadGroup(institution: InstitutionClass): boolean {
  return institution.level === 'tertiary' && institution.type === 'general-hospital';
}

/** What a group needs besides its lead: a secondary general hospital or a continuing-care institution. */
export function anchorsGroupMembership(institution: InstitutionClass): boolean {
  return (
    (institution.level === 'secondary' && institution.type === 'general-hospital') ||
    isContinuingCare(institution.type)
  );
}
