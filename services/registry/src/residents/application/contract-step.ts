import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type Contract, type ContractSnapshot } from '../domain/contract';
import { ContractRepository } from '../domain/contract.repository';
import { ResidentError, ResidentErrorCode } from '../domain/resident-error';
import { ResidentEventPublisher } from '../domain/resident-event-publisher';
import { ResidentRepository } from '../domain/resident.repository';
import { contractEvents } from './contract-events';
import { canAccessResident, requireAllowed } from './resident-access.policy';
import { ResidentGrids } from './resident-grids';

/**
 * What RenewContract and EndContract share: the contract row is locked for the step, the
 * groups serving the resident or holding the contract may take it, and a retry (same request
 * id, same contract) is answered with the contract as it is now.
 */
@Injectable()
export class ContractStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentRepository,
    private readonly contracts: ContractRepository,
    private readonly grids: ResidentGrids,
    private readonly requests: ClientRequests,
    private readonly events: ResidentEventPublisher,
  ) {}

  run(
    identity: Identity,
    operation: 'renew-contract' | 'end-contract',
    command: { readonly clientRequestId: string; readonly contractId: string },
    step: (contract: Contract) => void,
  ): Promise<ContractSnapshot> {
    return this.uow.run(async () => {
      const contract = await this.contracts.findById(command.contractId, true);
      if (!contract) {
        throw new ResidentError(ResidentErrorCode.NotFound, 'no contract with this id', 'contractId');
      }
      // The resident exists: the contract row's foreign key.
      const resident = (await this.residents.findById(contract.snapshot().residentId))!.snapshot();
      const servingGroup = await this.grids.servingGroup(resident.gridId);
      requireAllowed(
        canAccessResident(identity, [servingGroup, contract.snapshot().groupId]),
        'change this contract',
      );
      if (await this.requests.isRetry(clientRequestOf(operation, command), contract.snapshot().id)) {
        return contract.snapshot();
      }
      const version = contract.snapshot().version;
      step(contract);
      await this.contracts.update(contract, version);
      await this.events.publish(contractEvents(contract, resident.residentIdNumber));
      return contract.snapshot();
    });
  }
}
