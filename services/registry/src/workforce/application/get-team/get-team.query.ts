import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ id: requestField.uuid() });

/** GetTeam: one family-doctor team by id, with its members. */
export class GetTeamQuery {
  private constructor(
    /** Lower case. */
    readonly id: string,
  ) {}

  static create(input: z.input<typeof fields>): GetTeamQuery {
    const { id } = parseFields(fields, input);
    return new GetTeamQuery(id);
  }
}
