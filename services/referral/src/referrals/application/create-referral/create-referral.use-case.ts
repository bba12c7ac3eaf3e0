import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { Referral, type ReferralSnapshot } from '../../domain/referral';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { REFERRAL_EVENT_PUBLISHER, type ReferralEventPublisher } from '../../domain/referral-event-publisher';
import { REFERRAL_REPOSITORY, type ReferralRepository } from '../../domain/referral.repository';
import { canSendReferralFrom } from '../referral-access.policy';
import { type CreateReferralCommand } from './create-referral.command';

/**
 * Creates and submits a referral. The referral row and its ReferralSubmitted
 * event commit in one transaction. A retry with the same client request id
 * returns the referral the first attempt created.
 */
@Injectable()
export class CreateReferralUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    @Inject(REFERRAL_EVENT_PUBLISHER) private readonly events: ReferralEventPublisher,
  ) {}

  async execute(command: CreateReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    const { identity } = command;
    if (!canSendReferralFrom(identity, command.referringInstitutionId) || identity.groupId === null) {
      throw new ReferralError(
        ReferralErrorCode.NotYourInstitution,
        'a referral can only be sent by the referring institution itself',
        'referringInstitutionId',
      );
    }
    const groupId = identity.groupId;
    return this.uow.run(async () => {
      const previous = await this.referrals.findByClientRequest(
        command.referringInstitutionId,
        command.clientRequestId,
      );
      if (previous) return this.sameRequestOrConflict(previous.snapshot(), command);
      const referral = Referral.submit(
        {
          id: uuidv7(),
          groupId,
          clientRequestId: command.clientRequestId,
          patientResidentId: command.patientResidentId,
          referringInstitutionId: command.referringInstitutionId,
          receivingInstitutionId: command.receivingInstitutionId,
          direction: command.direction,
          icd10Code: command.icd10Code,
          reason: command.reason,
        },
        now,
      );
      await this.referrals.insert(referral);
      await this.events.publish(referral.pullEvents());
      return referral.snapshot();
    });
  }

  /** A retry must repeat the original request; a different request under a used id is refused. */
  private sameRequestOrConflict(
    previous: ReferralSnapshot,
    command: CreateReferralCommand,
  ): ReferralSnapshot {
    const same =
      previous.patientResidentId === command.patientResidentId &&
      previous.receivingInstitutionId === command.receivingInstitutionId &&
      previous.direction === command.direction &&
      previous.icd10Code === command.icd10Code;
    if (!same) {
      throw new ReferralError(
        ReferralErrorCode.RequestIdReused,
        'this client request id was already used for a different referral',
        'clientRequestId',
      );
    }
    return previous;
  }
}
