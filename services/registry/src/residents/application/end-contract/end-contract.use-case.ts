import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ContractSnapshot } from '../../domain/contract';
import { ContractStep } from '../contract-step';
import { type EndContractCommand } from './end-contract.command';

/** EndContract: ends an active contract now. */
@Injectable()
export class EndContractUseCase {
  constructor(private readonly step: ContractStep) {}

  execute(identity: Identity, command: EndContractCommand, now = new Date()): Promise<ContractSnapshot> {
    return this.step.run(identity, 'end-contract', command, (contract) => contract.end(now));
  }
}
