import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type StoredClaim } from '../../domain/claim.repository';
import { ClaimIntake } from '../claim-intake';
import { type SubmitClaimCommand } from './submit-claim.command';

/** SubmitClaim: an institution's claim received and adjudicated, or refused with every bad field named. */
@Injectable()
export class SubmitClaimUseCase {
  constructor(private readonly intake: ClaimIntake) {}

  execute(identity: Identity, command: SubmitClaimCommand, now = new Date()): Promise<StoredClaim> {
    return this.intake.submit(
      identity,
      clientRequestOf('submit-claim', command),
      command.claim,
      'claim',
      now,
    );
  }
}
