import { Injectable } from '@nestjs/common';
import {
  type EventContract,
  ReferralAcceptedEvent,
  ReferralCancelledEvent,
  ReferralChangedEvent,
  ReferralExpiredEvent,
  ReferralSubmittedEvent,
  referralV1,
} from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { type KnownReferral } from '../../domain/claim-standing';
import { KnownReferralRepository } from '../../domain/known-referral.repository';

const PREFIX = 'REFERRAL_STATUS_';

/**
 * A referral as payment keeps it: status lower-case (accepted), accepted when accepted or, failing that, arrived. A
 * draft not yet routed has no receiving institution: no claim can be referred by it, so it is not kept (its later
 * events, once submitted, carry the receiver).
 */
export function knownReferralOf(referral: referralV1.Referral | undefined): KnownReferral | null {
  if (!referral?.id || !referral.receivingInstitutionId) return null;
  const name = referralV1.referralStatusToJSON(referral.status);
  return {
    id: referral.id,
    patientResidentId: referral.patientResidentId.toUpperCase(),
    referringInstitutionId: referral.referringInstitutionId,
    receivingInstitutionId: referral.receivingInstitutionId,
    status: (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name).toLowerCase(),
    acceptedAt: referral.acceptedAt ?? referral.arrivedAt ?? null,
    version: referral.version,
  };
}

/** Every event of medgrid.referral.referral.v1 carries the referral after the change: each keeps it alike. */
abstract class ReferralKept<
  T extends { referral?: referralV1.Referral | undefined },
> implements EventHandler<T> {
  abstract readonly contract: EventContract<T>;
  constructor(private readonly referrals: KnownReferralRepository) {}

  async handle(payload: T): Promise<void> {
    const referral = knownReferralOf(payload.referral);
    if (referral) await this.referrals.upsert(referral);
  }
}

/** ReferralSubmitted → known_referral. */
@Injectable()
export class ReferralSubmittedKafkaConsumer extends ReferralKept<referralV1.ReferralSubmitted> {
  readonly contract = ReferralSubmittedEvent;
  // Its own constructor, so Nest reads what to inject from this class (a subclass has no parameter types of its own).
  constructor(referrals: KnownReferralRepository) {
    super(referrals);
  }
}

/** ReferralAccepted → known_referral (accepted, with its time: what makes a claim referred). */
@Injectable()
export class ReferralAcceptedKafkaConsumer extends ReferralKept<referralV1.ReferralAccepted> {
  readonly contract = ReferralAcceptedEvent;
  // Its own constructor, so Nest reads what to inject from this class (a subclass has no parameter types of its own).
  constructor(referrals: KnownReferralRepository) {
    super(referrals);
  }
}

/** ReferralCancelled → known_referral. */
@Injectable()
export class ReferralCancelledKafkaConsumer extends ReferralKept<referralV1.ReferralCancelled> {
  readonly contract = ReferralCancelledEvent;
  // Its own constructor, so Nest reads what to inject from this class (a subclass has no parameter types of its own).
  constructor(referrals: KnownReferralRepository) {
    super(referrals);
  }
}

/** ReferralExpired → known_referral. */
@Injectable()
export class ReferralExpiredKafkaConsumer extends ReferralKept<referralV1.ReferralExpired> {
  readonly contract = ReferralExpiredEvent;
  // Its own constructor, so Nest reads what to inject from this class (a subclass has no parameter types of its own).
  constructor(referrals: KnownReferralRepository) {
    super(referrals);
  }
}

/** ReferralChanged (declined, scheduled, arrived, completed, issued, received, ...) → known_referral. */
@Injectable()
export class ReferralChangedKafkaConsumer extends ReferralKept<referralV1.ReferralChanged> {
  readonly contract = ReferralChangedEvent;
  // Its own constructor, so Nest reads what to inject from this class (a subclass has no parameter types of its own).
  constructor(referrals: KnownReferralRepository) {
    super(referrals);
  }
}

/** The handlers of referral's topic, for the service's event handlers. */
export const REFERRAL_EVENT_CONSUMERS = [
  ReferralSubmittedKafkaConsumer,
  ReferralAcceptedKafkaConsumer,
  ReferralCancelledKafkaConsumer,
  ReferralExpiredKafkaConsumer,
  ReferralChangedKafkaConsumer,
];
