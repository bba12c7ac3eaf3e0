import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { AppError } from '@medgrid/errors';
import { v5 as uuidv5 } from 'uuid';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { type StoredClaim } from '../../domain/claim.repository';
import { ClaimIntake } from '../claim-intake';
import { type SubmitClaimsCommand } from './submit-claims.command';

/** What became of one claim of a batch: received, or refused with the error a single SubmitClaim would have had. */
export type ClaimOutcome =
  | { readonly index: number; readonly claim: StoredClaim }
  | { readonly index: number; readonly refusal: AppError };

/**
 * SubmitClaims: each claim of the batch is received or refused on its own, in its own transaction, as SubmitClaim
 * would (a partner's day of claims is not held up by one bad claim). Each claim's client request id is drawn from
 * the batch's id and its place in the batch (a name-based UUID), so a retried batch answers every claim as the
 * first attempt did, and a claim number already received is answered as a retry whatever batch carried it.
 */
@Injectable()
export class SubmitClaimsUseCase {
  constructor(private readonly intake: ClaimIntake) {}

  async execute(identity: Identity, command: SubmitClaimsCommand, now = new Date()): Promise<ClaimOutcome[]> {
    PaymentAccess.require(PaymentAccess.submitsClaims(identity), 'submit claims');
    const outcomes: ClaimOutcome[] = [];
    for (const [index, claim] of command.claims.entries()) {
      const clientRequestId = uuidv5(`claims[${index}]`, command.clientRequestId);
      try {
        const stored = await this.intake.submit(
          identity,
          { operation: 'submit-claims', clientRequestId, request: claim, field: 'clientRequestId' },
          claim,
          `claims[${index}]`,
          now,
        );
        outcomes.push({ index, claim: stored });
      } catch (error) {
        // A refusal of the request (bad input, a rule) is this claim's answer; anything else fails the batch, and
        // its retry answers the claims received before as received.
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ index, refusal: error });
      }
    }
    return outcomes;
  }
}
