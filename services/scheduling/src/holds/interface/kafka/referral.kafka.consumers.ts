import { Injectable } from '@nestjs/common';
import {
  ReferralAcceptedEvent,
  ReferralCancelledEvent,
  ReferralChangedEvent,
  ReferralExpiredEvent,
  ReferralSubmittedEvent,
  referralV1,
} from '@medgrid/contracts';
import { AppError } from '@medgrid/errors';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import {
  type ReferralFacts,
  ReferralSagaUseCase,
} from '../../application/hold-for-referral/referral-saga.use-case';

function factsOf(referral: referralV1.Referral | undefined, envelope: EventEnvelope): ReferralFacts {
  if (!referral?.id || !referral.groupId || !referral.receivingInstitutionId) {
    // A malformed event cannot get better with retries: straight to the dead-letter topic.
    throw new AppError('invalid-argument', 'MALFORMED_EVENT', 'referral event without referral ids');
  }
  return {
    referralId: referral.id,
    groupId: referral.groupId,
    institutionId: referral.receivingInstitutionId,
    referringInstitutionId: referral.referringInstitutionId,
    sourceEventId: envelope.eventId,
    patientResidentId: referral.patientResidentId,
    departmentId: referral.receivingDepartmentId,
    specialtyCode: referral.specialtyCode,
    contractedPriority: referral.contractedResidentPriority,
    greenChannel: referral.greenChannel,
  };
}

/** Topic medgrid.referral.referral.v1, ReferralSubmitted → remember the hold's facts. */
@Injectable()
export class ReferralSubmittedKafkaConsumer implements EventHandler<referralV1.ReferralSubmitted> {
  readonly contract = ReferralSubmittedEvent;
  constructor(private readonly saga: ReferralSagaUseCase) {}

  async handle(payload: referralV1.ReferralSubmitted, envelope: EventEnvelope): Promise<void> {
    await this.saga.submitted(factsOf(payload.referral, envelope), envelope.occurredAt ?? new Date());
  }
}

/** Topic medgrid.referral.referral.v1, ReferralAccepted → hold a slot (reserved, public, waitlist). */
@Injectable()
export class ReferralAcceptedKafkaConsumer implements EventHandler<referralV1.ReferralAccepted> {
  readonly contract = ReferralAcceptedEvent;
  constructor(private readonly saga: ReferralSagaUseCase) {}

  async handle(payload: referralV1.ReferralAccepted, envelope: EventEnvelope): Promise<void> {
    await this.saga.accepted(factsOf(payload.referral, envelope));
  }
}

/** Topic medgrid.referral.referral.v1, ReferralCancelled → release whatever is held. */
@Injectable()
export class ReferralCancelledKafkaConsumer implements EventHandler<referralV1.ReferralCancelled> {
  readonly contract = ReferralCancelledEvent;
  constructor(private readonly saga: ReferralSagaUseCase) {}

  async handle(payload: referralV1.ReferralCancelled, envelope: EventEnvelope): Promise<void> {
    await this.saga.cancelled(factsOf(payload.referral, envelope).referralId, payload.reason);
  }
}

/** Topic medgrid.referral.referral.v1, ReferralExpired → release whatever is held (the patient never came). */
@Injectable()
export class ReferralExpiredKafkaConsumer implements EventHandler<referralV1.ReferralExpired> {
  readonly contract = ReferralExpiredEvent;
  constructor(private readonly saga: ReferralSagaUseCase) {}

  async handle(payload: referralV1.ReferralExpired, envelope: EventEnvelope): Promise<void> {
    await this.saga.cancelled(factsOf(payload.referral, envelope).referralId, 'referral expired');
  }
}

/**
 * Topic medgrid.referral.referral.v1, ReferralChanged: a declined referral ends here as a cancelled
 * one does (its hold, any slot booked in its name, its waitlist places). Every other change of a
 * referral is not scheduling's to act on.
 */
@Injectable()
export class ReferralDeclinedKafkaConsumer implements EventHandler<referralV1.ReferralChanged> {
  readonly contract = ReferralChangedEvent;
  constructor(private readonly saga: ReferralSagaUseCase) {}

  async handle(payload: referralV1.ReferralChanged, envelope: EventEnvelope): Promise<void> {
    if (payload.change?.action !== referralV1.ReferralAction.REFERRAL_ACTION_DECLINE) return;
    const reason = payload.change.note ? `referral declined: ${payload.change.note}` : 'referral declined';
    await this.saga.cancelled(factsOf(payload.referral, envelope).referralId, reason);
  }
}
