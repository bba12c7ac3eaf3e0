import { type FieldViolation } from '@medgrid/errors';

/** What the registry answered about the institution and group a new account is to be bound to. */
export interface RegistryScope {
  /** The grids of the operator's city: a group or institution on another grid is not the city's. */
  readonly cityGridIds: readonly string[];
  /** Null when the registry does not know the institution. */
  readonly institution: {
    readonly id: string;
    readonly gridId: string;
    readonly groupId: string | null;
  } | null;
  /** Null when the registry does not know the group; its members with every membership role. */
  readonly group: {
    readonly id: string;
    readonly gridId: string;
    readonly memberInstitutionIds: readonly string[];
  } | null;
}

/**
 * What is wrong with binding an account to this institution and group, one violation per field:
 * both must be the registry's and of the operator's city, and the institution a member of the
 * group (lead, member or collaborating), since the services check that claim on every call.
 * A group or institution of another city is refused as if unknown, so an operator learns nothing
 * of other cities.
 */
export function scopeViolations(scope: RegistryScope): FieldViolation[] {
  const ofCity = (gridId: string) => scope.cityGridIds.includes(gridId);
  const institution = scope.institution && ofCity(scope.institution.gridId) ? scope.institution : null;
  const group = scope.group && ofCity(scope.group.gridId) ? scope.group : null;
  const violations: FieldViolation[] = [];
  if (!institution) {
    violations.push({
      field: 'institutionId',
      reason: 'UNKNOWN_INSTITUTION',
      description: 'is not an institution the registry knows in your city',
    });
  }
  if (!group) {
    violations.push({
      field: 'groupId',
      reason: 'UNKNOWN_GROUP',
      description: 'is not a medical group the registry knows in your city',
    });
  }
  if (institution && group && !isMember(institution, group)) {
    violations.push({
      field: 'institutionId',
      reason: 'NOT_IN_GROUP',
      description: 'is not a member of that medical group',
    });
  }
  return violations;
}

function isMember(
  institution: NonNullable<RegistryScope['institution']>,
  group: NonNullable<RegistryScope['group']>,
): boolean {
  return institution.groupId === group.id || group.memberInstitutionIds.includes(institution.id);
}
