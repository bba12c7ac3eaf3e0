import { Injectable } from '@nestjs/common';
import { ReferralPassRepository } from '../../domain/referral-pass.repository';
import { type KeepReferralPassCommand } from './keep-referral-pass.command';

/** KeepReferralPass: the service's own copy of a referral (no caller); newer versions win. */
@Injectable()
export class KeepReferralPassUseCase {
  constructor(private readonly passes: ReferralPassRepository) {}

  async execute(command: KeepReferralPassCommand): Promise<void> {
    const { receivingInstitutionId } = command;
    // A draft not routed yet passes nothing; its submission, a newer version, names the receiving hospital.
    if (receivingInstitutionId === undefined) return;
    await this.passes.keep({ ...command, receivingInstitutionId });
  }
}
