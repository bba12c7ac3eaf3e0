import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { ClaimError, ClaimErrorCode } from '../../domain/claim-error';
import { ClaimEventPublisher } from '../../domain/claim-event-publisher';
import { ClaimRepository, type StoredClaim } from '../../domain/claim.repository';
import { SettledPeriods } from '../../domain/settled-periods';
import { ClaimAdjudicator } from '../claim-adjudicator';
import { asCarried } from '../claim-content';
import { type CorrectClaimCommand } from './correct-claim.command';

/**
 * CorrectClaim: the submitting institution replaces its claim with a corrected version, made from the version it
 * read and saying why. The new version is adjudicated against the resident's year without the claim's own earlier
 * version, stored beside the versions before it (never over them) and announced (ClaimAdjudicated, corrected).
 * A claim dated in a month its group has settled, or a correction moving it into one, is refused
 * (PERIOD_ALREADY_SETTLED): a settled period is not reopened.
 */
@Injectable()
export class CorrectClaimUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly claims: ClaimRepository,
    private readonly adjudicator: ClaimAdjudicator,
    private readonly events: ClaimEventPublisher,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
    private readonly settled: SettledPeriods,
  ) {}

  async execute(identity: Identity, command: CorrectClaimCommand, now = new Date()): Promise<StoredClaim> {
    PaymentAccess.require(PaymentAccess.submitsClaims(identity), 'correct claims');
    const placement = await this.placements.of(identity.institutionId!);
    return this.uow.run(async () => {
      const found = await this.claims.find(command.claimId);
      if (!found || !PaymentAccess.correctsClaim(identity, found.record.snapshot())) {
        // Another institution's claim is not told apart from none.
        throw new ClaimError(
          ClaimErrorCode.ClaimNotFound,
          'no claim of your institution has this id',
          'claimId',
        );
      }
      const { institutionId, claimNumber } = found.record.snapshot();
      await this.claims.lockNumber(institutionId, claimNumber);
      const stored = (await this.claims.find(command.claimId))!;
      if (await this.requests.isRetry(clientRequestOf('correct-claim', command), command.claimId))
        return stored;
      const submission = { ...command.claim, institutionId, institutionLevel: placement.level };
      return asCarried(
        'claim',
        async () => {
          const groupId = stored.placement.groupId;
          const periodSettled =
            (await this.settled.isSettled(groupId, stored.record.current.submission.serviceDate)) ||
            (await this.settled.isSettled(groupId, submission.serviceDate));
          stored.record.correct(submission, command.reason, command.fromVersion, now, periodSettled);
          const adjudication = await this.adjudicator.adjudicate(stored.record, stored.placement, now);
          await this.claims.save(stored.record, stored.placement, adjudication);
          const corrected: StoredClaim = {
            ...stored,
            adjudications: [...stored.adjudications, adjudication],
          };
          for (const event of stored.record.pullEvents()) {
            await this.events.claimAdjudicated(corrected, event.change, event.at);
          }
          return corrected;
        },
        ['fromVersion', 'reason'],
      );
    });
  }
}
