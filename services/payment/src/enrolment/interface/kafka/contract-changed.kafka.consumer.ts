import { Injectable } from '@nestjs/common';
import { ContractChangedEvent, peopleV1, type residentEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { ContractChangedKafkaConsumer, RegistryView } from '@medgrid/registry-view';
import {
  type FamilyDoctorContract,
  type ManagedDisease,
  shanghaiDateOf,
} from '../../domain/family-doctor-contract';
import { FamilyDoctorContractRepository } from '../../domain/family-doctor-contract.repository';

const DISEASE_OF_TAG: Partial<Record<peopleV1.PopulationTag, ManagedDisease>> = {
  [peopleV1.PopulationTag.POPULATION_TAG_HYPERTENSION]: 'hypertension',
  [peopleV1.PopulationTag.POPULATION_TAG_DIABETES]: 'diabetes',
  [peopleV1.PopulationTag.POPULATION_TAG_SEVERE_MENTAL_DISORDER]: 'severe-mental-disorder',
  [peopleV1.PopulationTag.POPULATION_TAG_TUBERCULOSIS]: 'tuberculosis',
};

function statusOf(status: peopleV1.ContractStatus): FamilyDoctorContract['status'] {
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

/** A contract as payment keeps it: the registry's, with the local day it ended early and its managed diseases. */
export function familyDoctorContractOf(event: residentEventsV1.ContractChanged): FamilyDoctorContract | null {
  const { contract, residentIdNumber } = event;
  if (!contract?.id) return null;
  const diseases = [
    ...new Set(contract.tags.map((t) => DISEASE_OF_TAG[t]).filter((d): d is ManagedDisease => !!d)),
  ];
  return {
    id: contract.id,
    residentIdNumber,
    teamId: contract.teamId,
    status: statusOf(contract.status),
    startDate: contract.startDate,
    endDate: contract.endDate,
    endedOn: contract.endedAt ? shanghaiDateOf(contract.endedAt) : null,
    diseases,
    version: contract.version,
  };
}

/**
 * Topic medgrid.registry.contract.v1 (compacted), payment's way: the shared registry view's known_contract as every
 * service keeps it, and payment's family_doctor_contract (early end, diseases) in the same inbox transaction.
 */
@Injectable()
export class PaymentContractChangedKafkaConsumer implements EventHandler<residentEventsV1.ContractChanged> {
  readonly contract = ContractChangedEvent;
  private readonly view: ContractChangedKafkaConsumer;

  constructor(
    registry: RegistryView,
    private readonly contracts: FamilyDoctorContractRepository,
  ) {
    this.view = new ContractChangedKafkaConsumer(registry);
  }

  async handle(event: residentEventsV1.ContractChanged): Promise<void> {
    await this.view.handle(event);
    const contract = familyDoctorContractOf(event);
    if (contract) await this.contracts.upsert(contract);
  }
}
