import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ cityId: requestField.uuid() });

/** ListMedicalGroups: the groups of one city. */
export class ListMedicalGroupsQuery {
  private constructor(
    /** Lower case. */
    readonly cityId: string,
  ) {}

  static create(input: z.input<typeof fields>): ListMedicalGroupsQuery {
    const { cityId } = parseFields(fields, input);
    return new ListMedicalGroupsQuery(cityId);
  }
}
