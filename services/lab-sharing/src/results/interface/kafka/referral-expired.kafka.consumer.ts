import { Injectable } from '@nestjs/common';
import { ReferralExpiredEvent, type referralV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { KeepReferralPassCommand } from '../../application/keep-referral-pass/keep-referral-pass.command';
import { KeepReferralPassUseCase } from '../../application/keep-referral-pass/keep-referral-pass.use-case';
import { referralPassOf } from '../../contracts/referral-pass.proto-mapper';

/** Topic medgrid.referral.referral.v1, ReferralExpired → the referral as the result registry keeps it. */
@Injectable()
export class ReferralExpiredKafkaConsumer implements EventHandler<referralV1.ReferralExpired> {
  readonly contract = ReferralExpiredEvent;
  constructor(private readonly keep: KeepReferralPassUseCase) {}

  async handle(payload: referralV1.ReferralExpired): Promise<void> {
    await this.keep.execute(KeepReferralPassCommand.create(referralPassOf(payload.referral)));
  }
}
