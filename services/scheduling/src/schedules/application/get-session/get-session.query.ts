import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ sessionId: requestField.uuid() });

/** GetSession: one session with its free slots. */
export class GetSessionQuery {
  private constructor(
    /** Lower case. */
    readonly sessionId: string,
  ) {}

  static create(input: z.input<typeof fields>): GetSessionQuery {
    const { sessionId } = parseFields(fields, input);
    return new GetSessionQuery(sessionId);
  }
}
