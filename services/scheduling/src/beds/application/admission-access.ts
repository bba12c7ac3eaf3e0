import { type Identity } from '@medgrid/auth';
import { canSeeClaim } from '../../common/scheduling-access.policy';
import { type AdmissionSnapshot } from '../domain/admission';

/** An admission is seen by the hospital, the institution that asked for it, the group admin, the city. */
export const canSeeAdmission = (identity: Identity, admission: AdmissionSnapshot): boolean =>
  canSeeClaim(identity, { ...admission, requestedBy: admission.requestedByInstitutionId });
