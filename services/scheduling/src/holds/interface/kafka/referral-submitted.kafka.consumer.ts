import { Injectable } from '@nestjs/common';
import { ReferralSubmittedEvent, type referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { RequestSlotHoldCommand } from '../../application/request-slot-hold/request-slot-hold.command';
import { RequestSlotHoldUseCase } from '../../application/request-slot-hold/request-slot-hold.use-case';
import { referralFactsOf } from '../../contracts/referral-facts.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralSubmitted → remember the hold's facts. */
@Injectable()
export class ReferralSubmittedKafkaConsumer implements EventHandler<referralV1.ReferralSubmitted> {
  readonly contract = ReferralSubmittedEvent;
  constructor(private readonly requestSlotHold: RequestSlotHoldUseCase) {}

  async handle(payload: referralV1.ReferralSubmitted, envelope: EventEnvelope): Promise<void> {
    const command = RequestSlotHoldCommand.create(referralFactsOf(payload.referral, envelope));
    await this.requestSlotHold.execute(command, envelope.occurredAt ?? new Date());
  }
}
