import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { ClaimError, ClaimErrorCode } from '../../domain/claim-error';
import { ClaimRepository, type StoredClaim } from '../../domain/claim.repository';
import { type GetClaimQuery } from './get-claim.query';

/**
 * GetClaim: a claim with every version, for the submitting institution and its group's administrators; the read is
 * audited with its purpose, on the claim and on the patient it is about.
 */
@Injectable()
export class GetClaimUseCase {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: GetClaimQuery): Promise<StoredClaim> {
    const stored = await this.claims.find(query.claimId);
    const claim = stored && {
      institutionId: stored.record.snapshot().institutionId,
      groupId: stored.placement.groupId,
    };
    if (!stored || !claim || !PaymentAccess.readsClaim(identity, claim)) {
      // A claim the caller may not read is not told apart from none.
      throw new ClaimError(ClaimErrorCode.ClaimNotFound, 'no claim you may read has this id', 'claimId');
    }
    await this.audit.recordReads(
      identity,
      [
        { kind: 'claim', id: stored.record.id },
        { kind: 'resident', id: stored.record.current.submission.residentId },
      ],
      query.purpose,
    );
    return stored;
  }
}
