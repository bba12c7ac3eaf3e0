import { type Identity } from '@medgrid/auth';

/** The roles that act for one institution: its clinicians and its systems (LIS, PACS, HIS). */
export const INSTITUTION_ROLES: readonly Identity['role'][] = [
  'primary-staff',
  'hospital-staff',
  'partner-system',
];

/**
 * The access rules every lab-sharing context checks the same way; each context's policy says which rule an
 * operation follows and refuses with its own error.
 */
export class LabSharingAccess {
  /** The caller acts for the institution: its own staff or systems (a site ordering, a centre's host working). */
  static actsFor(identity: Identity, institutionId: string): boolean {
    return INSTITUTION_ROLES.includes(identity.role) && identity.institutionId === institutionId;
  }

  /** The institution itself, or its group's administrator supervising it (an institution of no group has none). */
  static actsForOrSupervises(
    identity: Identity,
    institution: { id: string; groupId: string | null },
  ): boolean {
    if (identity.role === 'group-admin') {
      return institution.groupId !== null && identity.groupId === institution.groupId;
    }
    return LabSharingAccess.actsFor(identity, institution.id);
  }

  /**
   * A party to an order or its report: the ordering site, the centre's host, the group's administrator. City
   * operators read no patient's order or report: they see the figures.
   */
  static isPartyToOrder(
    identity: Identity,
    order: { readonly orderingInstitutionId: string; readonly groupId: string },
    centre: { readonly hostInstitutionId: string } | null,
  ): boolean {
    switch (identity.role) {
      case 'city-operator':
        return false;
      case 'group-admin':
        return identity.groupId === order.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return (
          identity.institutionId === order.orderingInstitutionId ||
          (centre !== null && identity.institutionId === centre.hostInstitutionId)
        );
    }
  }
}
