import { type Identity } from '@medgrid/auth';
import { CriteriaError, CriteriaErrorCode } from '../domain/criteria-error';

/**
 * Who may edit the referral criteria catalogue: the city's operators, who keep it for every
 * group of the city. Reading it (no personal data) is open to every authenticated caller.
 */
export function canEditCatalogue(identity: Identity): boolean {
  switch (identity.role) {
    case 'city-operator':
      return true;
    case 'group-admin':
    case 'primary-staff':
    case 'hospital-staff':
    case 'partner-system':
      return false;
  }
}

/** Throws NOT_ALLOWED (PERMISSION_DENIED) unless the caller may edit the catalogue. */
export function requireCatalogueEditor(identity: Identity): void {
  if (!canEditCatalogue(identity)) {
    throw new CriteriaError(CriteriaErrorCode.NotAllowed, 'only city operators edit the criteria catalogue');
  }
}
