import { parseFields, requestField } from '@medgrid/errors';
import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem } from '@medgrid/kernel';
import { z } from 'zod';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import { institutionDetailsFields } from '../institution-details';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  gridId: requestField.uuid(),
  creditCode: requestField.parsed<string>((raw) => {
    const creditCode = raw.trim().toUpperCase();
    const problem = creditCodeProblem(creditCode);
    return problem
      ? { refusal: { reason: problem, description: CREDIT_CODE_PROBLEM_TEXT[problem] } }
      : { value: creditCode };
  }),
  ...institutionDetailsFields,
});

export type RegisterInstitutionInput = z.input<typeof fields>;

/** RegisterInstitution: an institution of a grid, by its unified social credit code. */
export class RegisterInstitutionCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly gridId: string,
    /** Upper case, check character verified. */
    readonly creditCode: string,
    /** Trimmed, like the address. */
    readonly name: string,
    readonly level: InstitutionLevel,
    readonly type: InstitutionType,
    readonly address: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RegisterInstitutionInput): RegisterInstitutionCommand {
    const { clientRequestId, gridId, creditCode, name, level, type, address } = parseFields(fields, input);
    return new RegisterInstitutionCommand(clientRequestId, gridId, creditCode, name, level, type, address);
  }
}
