import { Injectable } from '@nestjs/common';
import { ContractChangedEvent, peopleV1, residentEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView, type KnownContract } from '../registry-view';

function contractStatusOf(status: peopleV1.ContractStatus): KnownContract['status'] {
  switch (status) {
    case peopleV1.ContractStatus.CONTRACT_STATUS_ACTIVE:
      return 'active';
    case peopleV1.ContractStatus.CONTRACT_STATUS_ENDED:
      return 'ended';
    case peopleV1.ContractStatus.CONTRACT_STATUS_EXPIRED:
      return 'expired';
    default:
      return 'unknown';
  }
}

/** Topic medgrid.registry.contract.v1 (compacted) → known_contract. */
@Injectable()
export class ContractChangedKafkaConsumer implements EventHandler<residentEventsV1.ContractChanged> {
  readonly contract = ContractChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ contract, residentIdNumber }: residentEventsV1.ContractChanged): Promise<void> {
    if (!contract?.id) return;
    await this.view.upsertContract({
      id: contract.id,
      residentIdNumber,
      teamId: contract.teamId,
      status: contractStatusOf(contract.status),
      startDate: contract.startDate,
      endDate: contract.endDate,
      version: contract.version,
    });
  }
}
