import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { residentIdNumberField } from '../resident-fields';

const fields = z.object({
  residentIdNumber: residentIdNumberField().transform((residentId) => residentId.value),
  purpose: z.string(),
});

export type GetResidentCareInput = z.input<typeof fields>;

/** GetResidentCare: a resident's contract in force, its team and the group caring for them. */
export class GetResidentCareQuery {
  private constructor(
    /** Upper case, verified. */
    readonly residentIdNumber: string,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GetResidentCareInput): GetResidentCareQuery {
    const { residentIdNumber, purpose } = parseFields(fields, input);
    return new GetResidentCareQuery(residentIdNumber, purpose);
  }
}
