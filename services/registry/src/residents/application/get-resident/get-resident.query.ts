import { isUuid, parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { readResidentIdNumber } from '../resident-fields';

export interface GetResidentInput {
  /** Exactly one of id and residentIdNumber. */
  id: string;
  residentIdNumber: string;
  /** Why the caller reads (x-purpose), for the audit trail. */
  purpose: string;
}

/** Which of id and residentIdNumber to check: the one given, and that exactly one is. */
function fieldsOf(input: GetResidentInput) {
  const exactlyOne = Boolean(input.id) !== Boolean(input.residentIdNumber);
  return z.object({
    id: z
      .string()
      .refine(() => exactlyOne, refusal('ONE_OF', 'give exactly one of id and residentIdNumber'))
      .refine((id) => id === '' || isUuid(id), refusal('INVALID_FORMAT', 'must be a UUID'))
      .transform((id) => id.toLowerCase()),
    residentIdNumber: requestField.parsed<string>((raw) => {
      if (raw === '') return { value: '' };
      const read = readResidentIdNumber(raw);
      return 'value' in read ? { value: read.value.value } : read;
    }),
    purpose: z.string(),
  });
}

/** GetResident: one resident, by id or by resident ID number. */
export class GetResidentQuery {
  private constructor(
    readonly by: { readonly id: string } | { readonly residentIdNumber: string },
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GetResidentInput): GetResidentQuery {
    const { id, residentIdNumber, purpose } = parseFields(fieldsOf(input), input);
    return new GetResidentQuery(residentIdNumber ? { residentIdNumber } : { id }, purpose);
  }
}
