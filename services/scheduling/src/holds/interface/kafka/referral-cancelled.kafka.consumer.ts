import { Injectable } from '@nestjs/common';
import { ReferralCancelledEvent, type referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { ReleaseReferralHoldCommand } from '../../application/release-referral-hold/release-referral-hold.command';
import { ReleaseReferralHoldUseCase } from '../../application/release-referral-hold/release-referral-hold.use-case';
import { referralFactsOf } from '../../contracts/referral-facts.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralCancelled → release whatever is held. */
@Injectable()
export class ReferralCancelledKafkaConsumer implements EventHandler<referralV1.ReferralCancelled> {
  readonly contract = ReferralCancelledEvent;
  constructor(private readonly release: ReleaseReferralHoldUseCase) {}

  async handle(payload: referralV1.ReferralCancelled, envelope: EventEnvelope): Promise<void> {
    const facts = referralFactsOf(payload.referral, envelope);
    await this.release.execute(ReleaseReferralHoldCommand.create(facts, payload.reason));
  }
}
