import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type ClaimContent } from '../claim-content';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  // The claim's own fields are checked by the claim, which names every bad one (claim.lines[2].amount).
  claim: requestField.present<ClaimContent>('the claim is required'),
});

export type SubmitClaimInput = z.input<typeof fields>;

/** SubmitClaim: one claim of the caller's institution. */
export class SubmitClaimCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly claim: ClaimContent,
  ) {}

  static create(input: SubmitClaimInput): SubmitClaimCommand {
    const f = parseFields(fields, input);
    return new SubmitClaimCommand(f.clientRequestId, f.claim);
  }
}
