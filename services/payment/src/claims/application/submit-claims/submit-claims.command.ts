import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type ClaimContent } from '../claim-content';

export const BATCH_CLAIMS_MAX = 100;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  // Each claim is checked on its own and answered on its own (claims[3].lines[0].amount).
  claims: z
    .array(z.custom<ClaimContent>())
    .min(1, refusal('REQUIRED', 'a batch has at least one claim'))
    .max(BATCH_CLAIMS_MAX, refusal('TOO_MANY', `at most ${BATCH_CLAIMS_MAX} claims a batch`)),
});

export type SubmitClaimsInput = z.input<typeof fields>;

/** SubmitClaims: a batch of the caller's institution's claims. */
export class SubmitClaimsCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly claims: readonly ClaimContent[],
  ) {}

  static create(input: SubmitClaimsInput): SubmitClaimsCommand {
    const f = parseFields(fields, input);
    return new SubmitClaimsCommand(f.clientRequestId, f.claims);
  }
}
