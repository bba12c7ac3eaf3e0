import { type Refusal, requestField } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { isMobilePhone } from '../domain/resident';

/** A resident ID number (GB 11643) as sent: upper case, check character and birth date verified. */
export function readResidentIdNumber(raw: string): { value: ResidentId } | { refusal: Refusal } {
  const parsed = ResidentId.parse(raw);
  return typeof parsed === 'string'
    ? { refusal: { reason: parsed, description: RESIDENT_ID_PROBLEM_TEXT[parsed] } }
    : { value: parsed };
}

export const residentIdNumberField = () => requestField.parsed(readResidentIdNumber);

/** The field rules of a resident's details, which RegisterResident and UpdateResident share. */
export const residentDetailsFields = {
  name: requestField.text(50),
  phone: requestField
    .matching((phone) => isMobilePhone(phone.trim()), {
      reason: 'INVALID_FORMAT',
      description: 'must be an 11-digit mobile number',
    })
    .transform((phone) => phone.trim()),
  gridId: requestField.uuid(),
};
