import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type ClaimContent } from '../claim-content';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  claimId: requestField.uuid(),
  fromVersion: requestField.version(),
  // The claim's own fields and the reason are checked by the claim record, which names every bad one.
  claim: requestField.present<ClaimContent>('the corrected claim is required'),
  reason: z.string(),
});

export type CorrectClaimInput = z.input<typeof fields>;

/** CorrectClaim: a claim's corrected content, the version it was made from and why. */
export class CorrectClaimCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly claimId: string,
    readonly fromVersion: number,
    readonly claim: ClaimContent,
    readonly reason: string,
  ) {}

  static create(input: CorrectClaimInput): CorrectClaimCommand {
    const f = parseFields(fields, input);
    return new CorrectClaimCommand(f.clientRequestId, f.claimId, f.fromVersion, f.claim, f.reason);
  }
}
