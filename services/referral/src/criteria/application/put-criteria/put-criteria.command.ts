import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { DiseaseCriteria, type DiseaseCriteriaInput } from '../../domain/disease-criteria';

/**
 * The entry, checked by the catalogue's own rules. The entry names its problems from itself
 * (`covers[1]`); under this field they read as the request carried them (`entry.covers[1]`).
 */
const entryField = requestField
  .present<DiseaseCriteriaInput>('the entry to store is required')
  .transform((input, ctx) => {
    const read = DiseaseCriteria.read(input);
    if ('entry' in read) return read.entry;
    for (const { field, reason, description } of read.problems) {
      ctx.addIssue({ code: 'custom', path: [field], message: description, params: { reason } });
    }
    return z.NEVER;
  });

const fields = z.object({
  entry: entryField,
  clientRequestId: requestField.uuid(),
});

export type PutCriteriaInput = z.input<typeof fields>;

/** PutCriteria: an entry of the catalogue, new or replacing the one with its key. */
export class PutCriteriaCommand {
  private constructor(
    /** Texts trimmed; its key is its first covered code or range. */
    readonly entry: DiseaseCriteria,
    /** Lower case. */
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: PutCriteriaInput): PutCriteriaCommand {
    const { entry, clientRequestId } = parseFields(fields, input);
    return new PutCriteriaCommand(entry, clientRequestId);
  }
}
