import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ id: requestField.uuid() });

/** GetMedicalGroup: one group by id, with its memberships. */
export class GetMedicalGroupQuery {
  private constructor(
    /** Lower case. */
    readonly id: string,
  ) {}

  static create(input: z.input<typeof fields>): GetMedicalGroupQuery {
    const { id } = parseFields(fields, input);
    return new GetMedicalGroupQuery(id);
  }
}
