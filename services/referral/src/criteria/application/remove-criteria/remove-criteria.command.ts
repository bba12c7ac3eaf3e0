import { parseFields, refusal } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  key: z.string().trim().min(1, refusal('REQUIRED', 'is required')),
});

export type RemoveCriteriaInput = z.input<typeof fields>;

/** RemoveCriteria: the entry of the catalogue with this key goes. */
export class RemoveCriteriaCommand {
  private constructor(
    /** Trimmed: an entry's first covered code or range, e.g. "I10-I13". */
    readonly key: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RemoveCriteriaInput): RemoveCriteriaCommand {
    const { key } = parseFields(fields, input);
    return new RemoveCriteriaCommand(key);
  }
}
