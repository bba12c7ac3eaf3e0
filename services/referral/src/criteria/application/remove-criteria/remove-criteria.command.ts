import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  key: z.string().trim().min(1, refusal('REQUIRED', 'is required')),
  clientRequestId: requestField.uuid(),
});

export type RemoveCriteriaInput = z.input<typeof fields>;

/** RemoveCriteria: the entry of the catalogue with this key goes. */
export class RemoveCriteriaCommand {
  private constructor(
    /** Trimmed: an entry's first covered code or range, e.g. "I10-I13". */
    readonly key: string,
    /** Lower case. */
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RemoveCriteriaInput): RemoveCriteriaCommand {
    const { key, clientRequestId } = parseFields(fields, input);
    return new RemoveCriteriaCommand(key, clientRequestId);
  }
}
