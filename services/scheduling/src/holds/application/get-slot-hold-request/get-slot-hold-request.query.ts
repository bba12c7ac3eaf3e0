import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ referralId: requestField.uuid() });

/** GetSlotHoldRequest: where the saga stands for one referral. */
export class GetSlotHoldRequestQuery {
  private constructor(
    /** Lower case. */
    readonly referralId: string,
  ) {}

  static create(input: z.input<typeof fields>): GetSlotHoldRequestQuery {
    const { referralId } = parseFields(fields, input);
    return new GetSlotHoldRequestQuery(referralId);
  }
}
