import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ institutionId: requestField.uuid() });

/** ListTeams: the family-doctor teams of one institution. */
export class ListTeamsQuery {
  private constructor(
    /** Lower case. */
    readonly institutionId: string,
  ) {}

  static create(input: z.input<typeof fields>): ListTeamsQuery {
    const { institutionId } = parseFields(fields, input);
    return new ListTeamsQuery(institutionId);
  }
}
