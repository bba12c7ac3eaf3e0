import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  claimId: requestField.uuid(),
  // Why the caller reads (x-purpose): a claim is the patient's data, and the read is audited.
  'x-purpose': requestField.purpose('billing'),
});

export type GetClaimInput = z.input<typeof fields>;

/** GetClaim: one claim with every version. */
export class GetClaimQuery {
  private constructor(
    readonly claimId: string,
    readonly purpose: string,
  ) {}

  static create(input: GetClaimInput): GetClaimQuery {
    const f = parseFields(fields, input);
    return new GetClaimQuery(f.claimId, f['x-purpose']);
  }
}
