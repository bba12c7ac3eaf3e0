import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  lookupId: requestField.uuid(),
  resultId: requestField.uuid(),
});

export type ReuseResultInput = z.input<typeof fields>;

/** ReuseResult: the site takes a recognised result its look-up offered instead of ordering again. */
export class ReuseResultCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly lookupId: string,
    readonly resultId: string,
  ) {}

  static create(input: ReuseResultInput): ReuseResultCommand {
    const f = parseFields(fields, input);
    return new ReuseResultCommand(f.clientRequestId, f.lookupId, f.resultId);
  }
}
