import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { isCityDivisionCode } from '../../domain/geography';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  divisionCode: requestField.matching(isCityDivisionCode, {
    reason: 'INVALID_FORMAT',
    description: 'must be a 6-digit GB/T 2260 city code ending in 00',
  }),
  name: requestField.text(100),
});

export type RegisterCityInput = z.input<typeof fields>;

/** RegisterCity: a city of the platform, by its division code. */
export class RegisterCityCommand {
  private constructor(
    /** Lower case. */
    readonly clientRequestId: string,
    readonly divisionCode: string,
    /** Trimmed. */
    readonly name: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterCityInput): RegisterCityCommand {
    const { clientRequestId, divisionCode, name } = parseFields(fields, input);
    return new RegisterCityCommand(clientRequestId, divisionCode, name);
  }
}
