import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ institutionId: requestField.uuid() });

/** ListDepartments: the departments of one institution. */
export class ListDepartmentsQuery {
  private constructor(
    /** Lower case. */
    readonly institutionId: string,
  ) {}

  static create(input: z.input<typeof fields>): ListDepartmentsQuery {
    const { institutionId } = parseFields(fields, input);
    return new ListDepartmentsQuery(institutionId);
  }
}
