import { type Institution, type Referral } from '../api/portal-types';

/** Where the dashboard looks: the whole city, or one grid, group or institution of it. */
export type Scope =
  | { kind: 'city' }
  | { kind: 'grid'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'institution'; id: string };

export interface ScopeFacts {
  /** The group of each institution, as the registry has it. */
  institutions: readonly Institution[];
  /** The grid each group serves. */
  groupGrid: ReadonlyMap<string, string>;
}

/** Whether a referral belongs to a scope: by its group (grids and groups), or either end (an institution). */
export function referralInScope(referral: Referral, scope: Scope, facts: ScopeFacts): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'grid':
      return referral.groupId !== undefined && facts.groupGrid.get(referral.groupId) === scope.id;
    case 'group':
      return referral.groupId === scope.id;
    case 'institution':
      return referral.referringInstitutionId === scope.id || referral.receivingInstitutionId === scope.id;
  }
}

/** Whether an institution belongs to a scope. */
export function institutionInScope(institution: Institution, scope: Scope): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'grid':
      return institution.gridId === scope.id;
    case 'group':
      return institution.groupId === scope.id;
    case 'institution':
      return institution.id === scope.id;
  }
}

/** A scope's institutions as a test of an id (the services' figures are per institution). */
export function institutionsIn(
  scope: Scope,
  institutions: readonly Institution[],
): (institutionId: string) => boolean {
  const ids = new Set(institutions.filter((i) => institutionInScope(i, scope)).map((i) => i.id));
  return (institutionId) => ids.has(institutionId);
}

/** Hospitals keep reserved pools; primary institutions do not. */
export function isHospital(institution: Institution): boolean {
  return (
    institution.level === 'INSTITUTION_LEVEL_TERTIARY' || institution.level === 'INSTITUTION_LEVEL_SECONDARY'
  );
}
