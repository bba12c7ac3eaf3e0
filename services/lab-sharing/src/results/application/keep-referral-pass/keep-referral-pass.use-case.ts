import { Injectable } from '@nestjs/common';
import { ReferralPassRepository } from '../../domain/referral-pass.repository';
import { type KeepReferralPassCommand } from './keep-referral-pass.command';

/** KeepReferralPass: the service's own copy of a referral (no caller); newer versions win. */
@Injectable()
export class KeepReferralPassUseCase {
  constructor(private readonly passes: ReferralPassRepository) {}

  execute(command: KeepReferralPassCommand): Promise<void> {
    return this.passes.keep({ ...command });
  }
}
