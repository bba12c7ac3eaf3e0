import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type PractitionerTitle } from '../../domain/practitioner';
import { practitionerDetailsFields } from '../practitioner-details';

const fields = z.object({
  id: requestField.uuid(),
  expectedVersion: requestField.version(),
  ...practitionerDetailsFields,
  clientRequestId: requestField.uuid(),
});

export type UpdatePractitionerInput = z.input<typeof fields>;

/** UpdatePractitioner: a practitioner's new details, against the version the caller read. */
export class UpdatePractitionerCommand {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly id: string,
    readonly expectedVersion: number,
    /** Trimmed. */
    readonly name: string,
    readonly title: PractitionerTitle,
    readonly specialtyCode: string,
    readonly homeInstitutionId: string,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: UpdatePractitionerInput): UpdatePractitionerCommand {
    const { id, expectedVersion, name, title, specialtyCode, homeInstitutionId, clientRequestId } =
      parseFields(fields, input);
    return new UpdatePractitionerCommand(
      id,
      expectedVersion,
      name,
      title,
      specialtyCode,
      homeInstitutionId,
      clientRequestId,
    );
  }
}
