import { type Identity } from '@medgrid/auth';

/**
 * Who may register practitioners and form teams at an institution: the
 * city's operators, the administrators of the institution's group, and the
 * institution's own staff or HIS.
 */
export function canManageWorkforceAt(
  identity: Identity,
  institution: { id: string; groupId: string | null },
): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
      return institution.groupId !== null && identity.groupId === institution.groupId;
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return identity.institutionId === institution.id;
  }
}
