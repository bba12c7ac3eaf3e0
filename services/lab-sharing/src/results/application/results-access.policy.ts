import { type Identity } from '@medgrid/auth';
import { INSTITUTION_ROLES } from '../../common/lab-sharing-access.policy';
import { ResultsError, ResultsErrorCode } from '../domain/results-error';
import { type ResultRecordSnapshot } from '../domain/result-record';

/**
 * Who may do what with the result registry. A result is recorded for the caller's own institution, its performer.
 * A result is read by the callers of its group (any role with a group: clinicians, partner systems, the group's
 * administrator, whose view masks what their role may not see), and by the institution a referral of the patient
 * sends them to (the results travel with the patient); never by a caller without a group. A city operator reads
 * statistics, not patients' results. Withdrawing a result is its performer's.
 */
export class ResultsAccess {
  static canRecord(identity: Identity): boolean {
    return (
      INSTITUTION_ROLES.includes(identity.role) &&
      identity.institutionId !== null &&
      identity.groupId !== null
    );
  }

  static canReadAny(identity: Identity): boolean {
    return identity.groupId !== null && identity.role !== 'city-operator';
  }

  /** `referralGroups`: the groups whose results travel to the caller's institution with the patient. */
  static canRead(
    identity: Identity,
    result: ResultRecordSnapshot,
    referralGroups: readonly string[],
  ): boolean {
    if (!ResultsAccess.canReadAny(identity)) return false;
    return result.groupId === identity.groupId || referralGroups.includes(result.groupId);
  }

  static canWithdraw(identity: Identity, result: ResultRecordSnapshot): boolean {
    return ResultsAccess.canRecord(identity) && result.performer.institutionId === identity.institutionId;
  }

  static require(allowed: boolean, action: string): void {
    if (!allowed) throw new ResultsError(ResultsErrorCode.Forbidden, `you may not ${action}`);
  }
}
