import { Injectable } from '@nestjs/common';
import { MedicationContinuityAssessedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { continuityAssessmentToProto } from '../../contracts/continuity.proto-mapper';
import { ContinuityEventPublisher } from '../../domain/continuity-event-publisher';
import { type ReferralContinuity } from '../../domain/referral-continuity';

/** Writes MedicationContinuityAssessed to the outbox in the caller's transaction, keyed by the referral. */
@Injectable()
export class ContinuityOutboxPublisher extends ContinuityEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async assessed(assessment: ReferralContinuity): Promise<void> {
    await this.outbox.append(MedicationContinuityAssessedEvent, {
      aggregateId: assessment.referralId,
      aggregateVersion: 1,
      occurredAt: assessment.assessedAt,
      payload: { assessment: continuityAssessmentToProto(assessment) },
    });
  }
}
