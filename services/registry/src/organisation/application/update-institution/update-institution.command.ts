import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import { institutionDetailsFields } from '../institution-details';

const fields = z.object({
  id: requestField.uuid(),
  expectedVersion: requestField.version(),
  ...institutionDetailsFields,
  clientRequestId: requestField.uuid(),
});

export type UpdateInstitutionInput = z.input<typeof fields>;

/** UpdateInstitution: an institution's new details, against the version the caller read. */
export class UpdateInstitutionCommand {
  private constructor(
    /** Lower case. */
    readonly id: string,
    readonly expectedVersion: number,
    /** Trimmed, like the address. */
    readonly name: string,
    readonly level: InstitutionLevel,
    readonly type: InstitutionType,
    readonly address: string,
    /** Lower case, like the id. */
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: UpdateInstitutionInput): UpdateInstitutionCommand {
    const { id, expectedVersion, name, level, type, address, clientRequestId } = parseFields(fields, input);
    return new UpdateInstitutionCommand(id, expectedVersion, name, level, type, address, clientRequestId);
  }
}
