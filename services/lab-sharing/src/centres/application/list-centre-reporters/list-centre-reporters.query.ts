import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ centreId: requestField.uuid() });

export type ListCentreReportersInput = z.input<typeof fields>;

/** ListCentreReporters: who reports for a centre. */
export class ListCentreReportersQuery {
  private constructor(readonly centreId: string) {}

  static create(input: ListCentreReportersInput): ListCentreReportersQuery {
    return new ListCentreReportersQuery(parseFields(fields, input).centreId);
  }
}
