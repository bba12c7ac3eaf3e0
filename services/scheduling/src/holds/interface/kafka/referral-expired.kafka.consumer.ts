import { Injectable } from '@nestjs/common';
import { ReferralExpiredEvent, type referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { ReleaseReferralHoldCommand } from '../../application/release-referral-hold/release-referral-hold.command';
import { ReleaseReferralHoldUseCase } from '../../application/release-referral-hold/release-referral-hold.use-case';
import { referralFactsOf } from '../../contracts/referral-facts.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralExpired → release whatever is held (the patient never came). */
@Injectable()
export class ReferralExpiredKafkaConsumer implements EventHandler<referralV1.ReferralExpired> {
  readonly contract = ReferralExpiredEvent;
  constructor(private readonly release: ReleaseReferralHoldUseCase) {}

  async handle(payload: referralV1.ReferralExpired, envelope: EventEnvelope): Promise<void> {
    const facts = referralFactsOf(payload.referral, envelope);
    await this.release.execute(ReleaseReferralHoldCommand.create(facts, 'referral expired'));
  }
}
