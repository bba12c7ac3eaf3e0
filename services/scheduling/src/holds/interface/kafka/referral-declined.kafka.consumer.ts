import { Injectable } from '@nestjs/common';
import { ReferralChangedEvent, referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { ReleaseReferralHoldCommand } from '../../application/release-referral-hold/release-referral-hold.command';
import { ReleaseReferralHoldUseCase } from '../../application/release-referral-hold/release-referral-hold.use-case';
import { referralFactsOf } from '../../contracts/referral-facts.proto-mapper';

/**
 * Topic medgrid.referral.referral.v1, ReferralChanged: a declined referral ends here as a cancelled
 * one does (its hold, any slot booked in its name, its waitlist places). Every other change of a
 * referral is not scheduling's to act on.
 */
@Injectable()
export class ReferralDeclinedKafkaConsumer implements EventHandler<referralV1.ReferralChanged> {
  readonly contract = ReferralChangedEvent;
  constructor(private readonly release: ReleaseReferralHoldUseCase) {}

  /** Only a decline (the header says why). */
  wants(payload: referralV1.ReferralChanged): boolean {
    return payload.change?.action === referralV1.ReferralAction.REFERRAL_ACTION_DECLINE;
  }

  async handle(payload: referralV1.ReferralChanged, envelope: EventEnvelope): Promise<void> {
    if (!this.wants(payload)) return;
    const note = payload.change?.note;
    const reason = note ? `referral declined: ${note}` : 'referral declined';
    const facts = referralFactsOf(payload.referral, envelope);
    await this.release.execute(ReleaseReferralHoldCommand.create(facts, reason));
  }
}
