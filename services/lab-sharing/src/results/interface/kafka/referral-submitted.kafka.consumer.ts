import { Injectable } from '@nestjs/common';
import { ReferralSubmittedEvent, type referralV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { KeepReferralPassCommand } from '../../application/keep-referral-pass/keep-referral-pass.command';
import { KeepReferralPassUseCase } from '../../application/keep-referral-pass/keep-referral-pass.use-case';
import { referralPassOf } from '../../contracts/referral-pass.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralSubmitted → the referral as the result registry keeps it. */
@Injectable()
export class ReferralSubmittedKafkaConsumer implements EventHandler<referralV1.ReferralSubmitted> {
  readonly contract = ReferralSubmittedEvent;
  constructor(private readonly keep: KeepReferralPassUseCase) {}

  async handle(payload: referralV1.ReferralSubmitted): Promise<void> {
    await this.keep.execute(KeepReferralPassCommand.create(referralPassOf(payload.referral)));
  }
}
