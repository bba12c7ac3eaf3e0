import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  id: requestField.uuid(),
  // Why the caller reads (x-purpose): it decides what a sensitive result shows, and is audited.
  'x-purpose': requestField.purpose(),
});

export type GetResultInput = z.input<typeof fields>;

/** GetResult: one result, as the caller may see it. */
export class GetResultQuery {
  private constructor(
    readonly id: string,
    readonly purpose: string,
  ) {}

  static create(input: GetResultInput): GetResultQuery {
    const f = parseFields(fields, input);
    return new GetResultQuery(f.id, f['x-purpose']);
  }
}
