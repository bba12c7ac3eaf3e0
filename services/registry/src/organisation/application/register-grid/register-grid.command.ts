import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  cityId: requestField.uuid(),
  code: requestField.matching((code) => /^[A-Za-z0-9-]{1,20}$/.test(code), {
    reason: 'INVALID_FORMAT',
    description: 'must be 1-20 letters, digits or dashes',
  }),
  name: requestField.text(100),
});

export type RegisterGridInput = z.input<typeof fields>;

/** RegisterGrid: a grid (网格) of a city, by its code in the city. */
export class RegisterGridCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly cityId: string,
    readonly code: string,
    /** Trimmed. */
    readonly name: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterGridInput): RegisterGridCommand {
    const { clientRequestId, cityId, code, name } = parseFields(fields, input);
    return new RegisterGridCommand(clientRequestId, cityId, code, name);
  }
}
