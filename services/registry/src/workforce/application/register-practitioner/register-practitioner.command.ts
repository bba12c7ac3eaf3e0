import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { isLicenceNumber, type PractitionerTitle } from '../../domain/practitioner';
import { practitionerDetailsFields } from '../practitioner-details';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  licenceNumber: requestField.parsed<string>((raw) => {
    const licenceNumber = raw.trim().toUpperCase();
    return isLicenceNumber(licenceNumber)
      ? { value: licenceNumber }
      : { refusal: { reason: 'INVALID_FORMAT', description: 'must be 8-30 digits or capital letters' } };
  }),
  ...practitionerDetailsFields,
});

export type RegisterPractitionerInput = z.input<typeof fields>;

/** RegisterPractitioner: a licensed practitioner at their home institution. */
export class RegisterPractitionerCommand {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly clientRequestId: string,
    /** Upper case. */
    readonly licenceNumber: string,
    /** Trimmed. */
    readonly name: string,
    readonly title: PractitionerTitle,
    readonly specialtyCode: string,
    readonly homeInstitutionId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterPractitionerInput): RegisterPractitionerCommand {
    const { clientRequestId, licenceNumber, name, title, specialtyCode, homeInstitutionId } = parseFields(
      fields,
      input,
    );
    return new RegisterPractitionerCommand(
      clientRequestId,
      licenceNumber,
      name,
      title,
      specialtyCode,
      homeInstitutionId,
    );
  }
}
