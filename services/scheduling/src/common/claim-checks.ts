import { FieldChecks } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';

/**
 * Field checks every slot or bed claim shares: ids and a GB 11643 patient number
 * (the kernel's rule, with "today" taken from the claim's own clock).
 */
export function claimChecks(
  prefix: string,
  claim: { clientRequestId: string; patientResidentId: string; referralId: string },
  now: Date,
): FieldChecks {
  const checks = new FieldChecks().uuid(`${prefix}clientRequestId`, claim.clientRequestId);
  const problem = residentIdProblem(claim.patientResidentId.trim().toUpperCase(), now);
  if (problem) checks.add(`${prefix}patientResidentId`, problem, RESIDENT_ID_PROBLEM_TEXT[problem]);
  if (claim.referralId) checks.uuid(`${prefix}referralId`, claim.referralId);
  return checks;
}
