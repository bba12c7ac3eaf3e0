import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ regionId: requestField.uuid() });

export type GetCapitationRatesInput = z.input<typeof fields>;

/** GetCapitationRates: a fund's newest schedule. */
export class GetCapitationRatesQuery {
  private constructor(readonly regionId: string) {}

  static create(input: GetCapitationRatesInput): GetCapitationRatesQuery {
    return new GetCapitationRatesQuery(parseFields(fields, input).regionId);
  }
}
