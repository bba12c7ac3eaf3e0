import { type Identity } from '@medgrid/auth';
import { LabSharingAccess } from '../../common/lab-sharing-access.policy';
import { ReportingError, ReportingErrorCode } from '../domain/reporting-error';

/** A centre as reporting checks callers against it. */
export interface ReportingCentre {
  readonly groupId: string;
  readonly hostInstitutionId: string;
}

/**
 * Who may do what with a centre's reports. The centre's host institution works its worklist (its practitioners
 * claim, draft, sign and amend, as far as the centre finds them fit: CentreReporter); a report is read by the
 * ordering site, the centre's host and the group's administrator; a critical value is acknowledged by a
 * clinician of the ordering site. City operators read no patient's report: they see the figures.
 */
export class ReportingAccess {
  /** Sees the worklist and works on its reports: staff or systems of the centre's host institution. */
  static canWorkAt(identity: Identity, centre: ReportingCentre): boolean {
    return LabSharingAccess.actsFor(identity, centre.hostInstitutionId);
  }

  /** Sees the worklist: the host's staff, or the group's administrator supervising. */
  static canSeeWorklist(identity: Identity, centre: ReportingCentre): boolean {
    return LabSharingAccess.actsForOrSupervises(identity, {
      id: centre.hostInstitutionId,
      groupId: centre.groupId,
    });
  }

  /** Reads a report: the ordering site, the centre's host, the group's administrator. */
  static canSeeReport(
    identity: Identity,
    report: { orderingInstitutionId: string; groupId: string },
    centre: ReportingCentre | null,
  ): boolean {
    return LabSharingAccess.isPartyToOrder(identity, report, centre);
  }

  /**
   * Acknowledges a critical value: clinical staff of an institution (the alert itself checks it is the ordering
   * one and that the token names a practitioner). Partner systems and supervisors do not acknowledge.
   */
  static canAcknowledge(identity: Identity): boolean {
    return identity.role === 'primary-staff' || identity.role === 'hospital-staff';
  }

  /** Lists an ordering site's critical values: the site, or its group's administrator. */
  static canListCriticalValues(identity: Identity, site: { id: string; groupId: string | null }): boolean {
    return LabSharingAccess.actsForOrSupervises(identity, site);
  }

  /** Refuses with PERMISSION_DENIED FORBIDDEN, naming the action. */
  static require(allowed: boolean, action: string): void {
    if (!allowed) {
      throw new ReportingError(ReportingErrorCode.Forbidden, `your role or institution may not ${action}`);
    }
  }
}
