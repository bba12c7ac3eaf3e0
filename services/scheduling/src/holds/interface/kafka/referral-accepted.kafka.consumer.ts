import { Injectable } from '@nestjs/common';
import { ReferralAcceptedEvent, type referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { HoldSlotForReferralCommand } from '../../application/hold-slot-for-referral/hold-slot-for-referral.command';
import { HoldSlotForReferralUseCase } from '../../application/hold-slot-for-referral/hold-slot-for-referral.use-case';
import { referralFactsOf } from '../../contracts/referral-facts.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralAccepted → hold a slot (reserved, public, waitlist). */
@Injectable()
export class ReferralAcceptedKafkaConsumer implements EventHandler<referralV1.ReferralAccepted> {
  readonly contract = ReferralAcceptedEvent;
  constructor(private readonly holdSlot: HoldSlotForReferralUseCase) {}

  async handle(payload: referralV1.ReferralAccepted, envelope: EventEnvelope): Promise<void> {
    await this.holdSlot.execute(
      HoldSlotForReferralCommand.create(referralFactsOf(payload.referral, envelope)),
    );
  }
}
