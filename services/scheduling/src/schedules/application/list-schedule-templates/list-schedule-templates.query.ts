import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ institutionId: requestField.uuid() });

/** ListScheduleTemplates: the hospital whose templates are asked for. */
export class ListScheduleTemplatesQuery {
  private constructor(
    /** Lower case. */
    readonly institutionId: string,
  ) {}

  static create(input: z.input<typeof fields>): ListScheduleTemplatesQuery {
    const { institutionId } = parseFields(fields, input);
    return new ListScheduleTemplatesQuery(institutionId);
  }
}
