import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { type Referral, type ReferralSnapshot } from '../domain/referral';
import { type ReferralActor } from '../domain/referral-actor';
import { ReferralError, ReferralErrorCode } from '../domain/referral-error';
import { type ReferralAction } from '../domain/referral-history';
import { ReferralRepository } from '../domain/referral.repository';
import { actorOf, type ReferralSide, requireSide } from './referral-access.policy';
import { ReferralWriter } from './referral-writer';

/** A step on a referral: the history action it records, who takes it, and how a refusal names it. */
export interface ReferralStepKind {
  readonly action: ReferralAction;
  /** The sender submits and cancels; the receiver does the rest. */
  readonly side: ReferralSide;
  /** "record the arrival of": what the caller may not do, in a refusal. */
  readonly verb: string;
}

/** Which referral a step is on, its request id, and its text (note, reason or findings). */
export interface ReferralStepRequest {
  readonly clientRequestId: string;
  readonly id: string;
  readonly text: string;
}

/**
 * What every step a partner takes on an existing referral shares (SubmitReferral,
 * AcceptReferral, ..., CloseReferral): the referral is locked, the caller must act for the
 * step's side, a retry (same request id, same step, same text) is answered with the referral as
 * it is, and the referral is stored with its history and events in one transaction.
 */
@Injectable()
export class ReferralStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: ClientRequests,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
  ) {}

  run(
    identity: Identity,
    kind: ReferralStepKind,
    request: ReferralStepRequest,
    apply: (referral: Referral, actor: ReferralActor) => void | Promise<void>,
  ): Promise<ReferralSnapshot> {
    return this.uow.run(async () => {
      const referral = await this.referrals.findById(request.id, true);
      if (!referral) {
        throw new ReferralError(ReferralErrorCode.NotFound, `referral ${request.id} not found`, 'id');
      }
      requireSide(identity, referral.snapshot(), kind.side, kind.verb);
      // One operation per step, so an id that accepted a referral cannot record its arrival.
      const asked = {
        operation: `referral-${kind.action}`,
        clientRequestId: request.clientRequestId,
        request: { note: request.text },
      };
      if (await this.requests.isRetry(asked, referral.snapshot().id)) return referral.snapshot();
      await apply(referral, actorOf(identity));
      await this.writer.save(referral, false);
      return referral.snapshot();
    });
  }
}
