import { Injectable } from '@nestjs/common';
import { type referralV1, ReferralSubmittedEvent } from '@medgrid/contracts';
import { AppError } from '@medgrid/errors';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { RequestSlotHoldUseCase } from '../../application/request-slot-hold/request-slot-hold.use-case';

/** Topic medgrid.referral.referral.v1, event ReferralSubmitted → request a slot hold. */
@Injectable()
export class ReferralSubmittedKafkaConsumer implements EventHandler<referralV1.ReferralSubmitted> {
  readonly contract = ReferralSubmittedEvent;

  constructor(private readonly requestSlotHold: RequestSlotHoldUseCase) {}

  async handle(payload: referralV1.ReferralSubmitted, envelope: EventEnvelope): Promise<void> {
    const referral = payload.referral;
    if (!referral?.id || !referral.groupId || !referral.receivingInstitutionId) {
      // A malformed event cannot get better with retries: straight to the dead-letter topic.
      throw new AppError('invalid-argument', 'MALFORMED_EVENT', 'ReferralSubmitted without referral ids');
    }
    await this.requestSlotHold.execute({
      referralId: referral.id,
      groupId: referral.groupId,
      receivingInstitutionId: referral.receivingInstitutionId,
      sourceEventId: envelope.eventId,
      occurredAt: envelope.occurredAt ?? new Date(),
    });
  }
}
