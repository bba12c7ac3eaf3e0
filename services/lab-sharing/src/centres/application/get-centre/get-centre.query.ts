import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ centreId: requestField.uuid() });

export type GetCentreInput = z.input<typeof fields>;

/** GetCentre: one centre. */
export class GetCentreQuery {
  private constructor(readonly centreId: string) {}

  static create(input: GetCentreInput): GetCentreQuery {
    return new GetCentreQuery(parseFields(fields, input).centreId);
  }
}
