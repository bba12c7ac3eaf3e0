import { FieldChecks } from '@medgrid/errors';

/** GetSlotHoldRequest: where the saga stands for one referral. */
export class GetSlotHoldRequestQuery {
  private constructor(
    /** Lower case. */
    readonly referralId: string,
  ) {}

  static create(input: { referralId: string }): GetSlotHoldRequestQuery {
    new FieldChecks().uuid('referralId', input.referralId).throwIfAny();
    return new GetSlotHoldRequestQuery(input.referralId.toLowerCase());
  }
}
