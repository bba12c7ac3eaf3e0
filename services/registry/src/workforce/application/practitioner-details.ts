import { requestField } from '@medgrid/errors';
import { isSpecialtyCode } from '../../organisation/domain/geography';
import { type PractitionerTitle } from '../domain/practitioner';

/** The field rules of a practitioner's details, which RegisterPractitioner and UpdatePractitioner share. */
export const practitionerDetailsFields = {
  name: requestField.text(50),
  title: requestField.present<PractitionerTitle>('is required'),
  specialtyCode: requestField.matching(isSpecialtyCode, {
    reason: 'INVALID_FORMAT',
    description: 'must be a specialty code such as 03 or 03.04',
  }),
  homeInstitutionId: requestField.uuid(),
};
