import { Injectable } from '@nestjs/common';
import { continuityEventsV1, continuityV1, MedicationContinuityAssessedEvent } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { AttachContinuityCommand } from '../../application/attach-continuity/attach-continuity.command';
import { AttachContinuityUseCase } from '../../application/attach-continuity/attach-continuity.use-case';

/**
 * Topic medgrid.pharmacy.continuity.v1, MedicationContinuityAssessed → attach the assessment to its downward
 * referral. Idempotent: the inbox skips a redelivered event, and attaching the same assessment again changes nothing.
 */
@Injectable()
export class ContinuityAssessedKafkaConsumer implements EventHandler<continuityEventsV1.MedicationContinuityAssessed> {
  readonly contract = MedicationContinuityAssessedEvent;
  constructor(private readonly attach: AttachContinuityUseCase) {}

  async handle(payload: continuityEventsV1.MedicationContinuityAssessed): Promise<void> {
    const assessment = payload.assessment;
    if (!assessment?.referralId || !assessment.assessedAt) return;
    const command = AttachContinuityCommand.create({
      referralId: assessment.referralId,
      assessedAt: assessment.assessedAt,
      assessment: continuityV1.ContinuityAssessment.toJSON(assessment) as Record<string, unknown>,
    });
    await this.attach.execute(command);
  }
}
