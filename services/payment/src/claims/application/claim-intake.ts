import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { type InstitutionPlacement, InstitutionPlacements } from '../../common/institution-placements';
import { PaymentAccess } from '../../common/payment-access.policy';
import { ClaimEventPublisher } from '../domain/claim-event-publisher';
import { ClaimRecord } from '../domain/claim-record';
import { type ClaimSubmission } from '../domain/claim-submission';
import { ClaimRepository, type StoredClaim } from '../domain/claim.repository';
import { SettledPeriods } from '../domain/settled-periods';
import { ClaimAdjudicator } from './claim-adjudicator';
import { countAdjudicated, countRefused } from './claim-metrics';
import { asCarried, type ClaimContent } from './claim-content';

/**
 * What SubmitClaim and each claim of SubmitClaims do: the caller's institution's claim, its level and region from
 * the registry, received and adjudicated at once, stored with its ClaimAdjudicated event in one transaction. The
 * claim number makes a retry the same claim: the same content is answered with the claim as it stands (no second
 * event), other content is refused (CLAIM_NUMBER_REUSED). A new claim dated in a month its group has settled is
 * refused (PERIOD_ALREADY_SETTLED); a claim in flight holds its month's settlement back until it is stored. A new
 * claim is counted once its transaction commits and a refusal as it is answered (claim-metrics); a retry answered
 * with the claim as it stands counts nothing.
 */
@Injectable()
export class ClaimIntake {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly claims: ClaimRepository,
    private readonly adjudicator: ClaimAdjudicator,
    private readonly events: ClaimEventPublisher,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
    private readonly settled: SettledPeriods,
  ) {}

  async submit(
    identity: Identity,
    request: ClientRequest,
    content: ClaimContent,
    /** How the request names the claim: `claim`, or `claims[3]` in a batch. */
    field: string,
    now: Date,
  ): Promise<StoredClaim> {
    PaymentAccess.require(PaymentAccess.submitsClaims(identity), 'submit claims');
    const institutionId = identity.institutionId!;
    try {
      const placement = await this.placements.of(institutionId);
      const submission = { ...content, institutionId, institutionLevel: placement.level };
      return await this.receive(request, submission, placement, field, now);
    } catch (error) {
      if (error instanceof AppError) countRefused(institutionId, error);
      throw error;
    }
  }

  private receive(
    request: ClientRequest,
    submission: ClaimSubmission,
    placement: InstitutionPlacement,
    field: string,
    now: Date,
  ): Promise<StoredClaim> {
    return this.uow.run(() =>
      this.requests.createOnce(request, {
        load: async (id) => this.claims.find(id),
        create: () =>
          asCarried(field, async () => {
            await this.claims.lockNumber(submission.institutionId, submission.claimNumber);
            const existing = await this.claims.findByNumber(submission.institutionId, submission.claimNumber);
            if (existing) {
              existing.record.receiveAgain(submission);
              return { id: existing.record.id, result: existing };
            }
            const periodSettled = await this.settled.isSettled(placement.groupId, submission.serviceDate);
            const record = ClaimRecord.receive(uuidv7(), submission, now, periodSettled);
            const adjudication = await this.adjudicator.adjudicate(record, placement, now);
            const stored: StoredClaim = {
              record,
              placement: { groupId: placement.groupId, regionId: placement.regionId },
              adjudications: [adjudication],
            };
            await this.claims.save(record, stored.placement, adjudication);
            this.uow.afterCommit(() =>
              countAdjudicated(submission.institutionId, submission.encounter.kind, adjudication),
            );
            for (const event of record.pullEvents())
              await this.events.claimAdjudicated(stored, event.change, event.at);
            return { id: record.id, result: stored };
          }),
      }),
    );
  }
}
