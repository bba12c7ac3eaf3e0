import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type CentreKind } from '../../../common/exam-kinds';
import { centreField } from '../centre-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  groupId: requestField.optionalUuid(),
  kind: centreField.kind(),
  name: requestField.text(100),
  hostInstitutionId: requestField.uuid(),
  servedInstitutionIds: z.array(requestField.uuid()).max(500),
});

export type RegisterCentreInput = z.input<typeof fields>;

/** RegisterCentre: a shared centre of a group, its host and the institutions it serves from the start. */
export class RegisterCentreCommand {
  private constructor(
    /** Lower case, like every id. */
    readonly clientRequestId: string,
    /** Undefined for the caller's group. */
    readonly groupId: string | undefined,
    readonly kind: CentreKind,
    /** Trimmed. */
    readonly name: string,
    readonly hostInstitutionId: string,
    readonly servedInstitutionIds: readonly string[],
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterCentreInput): RegisterCentreCommand {
    const c = parseFields(fields, input);
    return new RegisterCentreCommand(
      c.clientRequestId,
      c.groupId,
      c.kind,
      c.name,
      c.hostInstitutionId,
      c.servedInstitutionIds,
    );
  }
}
