import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { localDate } from '@medgrid/kernel';
import { type ContractSnapshot } from '../../domain/contract';
import { ContractRulesProvider } from '../contract-rules';
import { ContractStep } from '../contract-step';
import { type RenewContractCommand } from './renew-contract.command';

/** RenewContract: renews a contract in the last days of its term, for another term from the day after. */
@Injectable()
export class RenewContractUseCase {
  constructor(
    private readonly step: ContractStep,
    private readonly rules: ContractRulesProvider,
  ) {}

  execute(identity: Identity, command: RenewContractCommand, now = new Date()): Promise<ContractSnapshot> {
    return this.step.run(identity, 'renew-contract', command, (contract) =>
      contract.renew(localDate(now), this.rules.rules),
    );
  }
}
