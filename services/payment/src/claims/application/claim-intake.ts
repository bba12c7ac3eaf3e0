import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionPlacements } from '../../common/institution-placements';
import { PaymentAccess } from '../../common/payment-access.policy';
import { ClaimEventPublisher } from '../domain/claim-event-publisher';
import { ClaimRecord } from '../domain/claim-record';
import { ClaimRepository, type StoredClaim } from '../domain/claim.repository';
import { SettledPeriods } from '../domain/settled-periods';
import { ClaimAdjudicator } from './claim-adjudicator';
import { asCarried, type ClaimContent } from './claim-content';

/**
 * What SubmitClaim and each claim of SubmitClaims do: the caller's institution's claim, its level and region from
 * the registry, received and adjudicated at once, stored with its ClaimAdjudicated event in one transaction. The
 * claim number makes a retry the same claim: the same content is answered with the claim as it stands (no second
 * event), other content is refused (CLAIM_NUMBER_REUSED). A new claim dated in a month its group has settled is
 * refused (PERIOD_ALREADY_SETTLED); a claim in flight holds its month's settlement back until it is stored.
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
    const placement = await this.placements.of(identity.institutionId!);
    const submission = {
      ...content,
      institutionId: placement.institutionId,
      institutionLevel: placement.level,
    };
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
            for (const event of record.pullEvents())
              await this.events.claimAdjudicated(stored, event.change, event.at);
            return { id: record.id, result: stored };
          }),
      }),
    );
  }
}
