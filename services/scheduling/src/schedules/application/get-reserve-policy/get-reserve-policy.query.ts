import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ institutionId: requestField.uuid() });

/** GetReservePolicy: the hospital whose reserve rule is asked for. */
export class GetReservePolicyQuery {
  private constructor(
    /** Lower case. */
    readonly institutionId: string,
  ) {}

  static create(input: z.input<typeof fields>): GetReservePolicyQuery {
    const { institutionId } = parseFields(fields, input);
    return new GetReservePolicyQuery(institutionId);
  }
}
