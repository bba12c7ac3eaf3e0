import { Injectable } from '@nestjs/common';
import { ReferralChangedEvent, referralV1 } from '@medgrid/contracts';
import { type EventEnvelope, type EventHandler } from '@medgrid/messaging';
import { AssessContinuityCommand } from '../../application/assess-continuity/assess-continuity.command';
import { AssessContinuityUseCase } from '../../application/assess-continuity/assess-continuity.use-case';

/**
 * Topic medgrid.referral.referral.v1, ReferralChanged of a downward referral's issue → assess its medication list
 * at the receiving institution. Every other change is not continuity's. Idempotent: the inbox skips a redelivered
 * event, and a referral already assessed is not assessed or announced again.
 */
@Injectable()
export class ReferralIssuedKafkaConsumer implements EventHandler<referralV1.ReferralChanged> {
  readonly contract = ReferralChangedEvent;
  constructor(private readonly assess: AssessContinuityUseCase) {}

  /** A downward referral being issued; every other change of a referral is not pharmacy's. */
  wants(payload: referralV1.ReferralChanged): boolean {
    return (
      payload.referral?.direction === referralV1.ReferralDirection.REFERRAL_DIRECTION_DOWNWARD &&
      payload.change?.action === referralV1.ReferralAction.REFERRAL_ACTION_ISSUE
    );
  }

  async handle(payload: referralV1.ReferralChanged, envelope: EventEnvelope): Promise<void> {
    const referral = payload.referral;
    if (!referral || !this.wants(payload)) return;
    const plan = referral.treatmentPlan;
    const command = AssessContinuityCommand.create({
      referralId: referral.id,
      groupId: referral.groupId,
      issuingInstitutionId: referral.referringInstitutionId,
      receivingInstitutionId: referral.receivingInstitutionId,
      patientResidentId: referral.patientResidentId,
      diagnosisCodes: [referral.icd10Code, ...(plan?.diagnosisCodes ?? [])],
      medications: (plan?.medications ?? []).map((m) => ({
        drugCode: m.drugCode,
        name: m.name,
        days: m.days,
      })),
    });
    await this.assess.execute(command, envelope.occurredAt ?? new Date());
  }
}
