import { requestField } from '@medgrid/errors';
import { type InstitutionLevel, type InstitutionType } from '../domain/institution-classification';

/** The field rules of an institution's details, which RegisterInstitution and UpdateInstitution share. */
export const institutionDetailsFields = {
  name: requestField.text(200),
  level: requestField.present<InstitutionLevel>('must be TERTIARY, SECONDARY or PRIMARY'),
  type: requestField.present<InstitutionType>('is required'),
  address: requestField.text(500),
};
