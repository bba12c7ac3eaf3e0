import { type Identity } from '@medgrid/auth';
import { LabSharingAccess } from '../../common/lab-sharing-access.policy';
import { OrderError, OrderErrorCode } from '../domain/order-error';

/** The parties to a sterilisation batch, as a caller is checked against them. */
export interface SterilisationParties {
  readonly groupId: string;
  readonly centreInstitutionId: string;
  readonly sendingInstitutionId: string;
}

/**
 * Who may do what with sterilisation batches (no patient data in them). The sending site sends and confirms
 * the return; the centre's host institution receives, sterilises and dispatches; both, the group's
 * administrator and city operators read them.
 */
export class SterilisationAccess {
  /** Sends a batch for `siteId`, or confirms its return: the site's own staff or systems. */
  static canActForSender(identity: Identity, siteId: string): boolean {
    return LabSharingAccess.actsFor(identity, siteId);
  }

  /** Receives, sterilises, dispatches: the staff or systems of the centre's host institution. */
  static canHandleAtCentre(
    identity: Identity,
    batch: Pick<SterilisationParties, 'centreInstitutionId'>,
  ): boolean {
    return LabSharingAccess.actsFor(identity, batch.centreInstitutionId);
  }

  /** Reads a batch or a list of them: either party, the group's administrator, a city operator. */
  static canSee(identity: Identity, parties: Partial<SterilisationParties> & { groupId: string }): boolean {
    switch (identity.role) {
      case 'city-operator':
        return true;
      case 'group-admin':
        return identity.groupId === parties.groupId;
      case 'primary-staff':
      case 'hospital-staff':
      case 'partner-system':
        return (
          identity.institutionId !== null &&
          (identity.institutionId === parties.centreInstitutionId ||
            identity.institutionId === parties.sendingInstitutionId)
        );
    }
  }

  /** Refuses with PERMISSION_DENIED FORBIDDEN, naming the action. */
  static require(allowed: boolean, action: string): void {
    if (!allowed)
      throw new OrderError(OrderErrorCode.Forbidden, `your role or institution may not ${action}`);
  }
}
