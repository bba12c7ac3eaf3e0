import { peopleV1, type residentEventsV1 } from '@medgrid/contracts';
import { type ContractSnapshot, type ContractStatus, type PopulationTag } from '../domain/contract';
import { type ResidentSnapshot } from '../domain/resident';

const { PopulationTag: Tag, ContractStatus: Status } = peopleV1;

const TAGS: [PopulationTag, peopleV1.PopulationTag][] = [
  ['elderly', Tag.POPULATION_TAG_ELDERLY],
  ['hypertension', Tag.POPULATION_TAG_HYPERTENSION],
  ['diabetes', Tag.POPULATION_TAG_DIABETES],
  ['maternal', Tag.POPULATION_TAG_MATERNAL],
  ['child', Tag.POPULATION_TAG_CHILD],
  ['disabled', Tag.POPULATION_TAG_DISABLED],
  ['severe-mental-disorder', Tag.POPULATION_TAG_SEVERE_MENTAL_DISORDER],
  ['tuberculosis', Tag.POPULATION_TAG_TUBERCULOSIS],
];

const STATUSES: [ContractStatus, peopleV1.ContractStatus][] = [
  ['active', Status.CONTRACT_STATUS_ACTIVE],
  ['ended', Status.CONTRACT_STATUS_ENDED],
  ['expired', Status.CONTRACT_STATUS_EXPIRED],
];

export const tagFromProto = (value: peopleV1.PopulationTag) => TAGS.find(([, p]) => p === value)?.[0];

export function residentToProto(resident: ResidentSnapshot): peopleV1.Resident {
  return { ...resident };
}

/** What other services may know of a resident: no name, no phone. */
export function residentProfileToProto(resident: ResidentSnapshot): residentEventsV1.ResidentProfile {
  const { id, residentIdNumber, birthDate, sex, gridId, version } = resident;
  return { id, residentIdNumber, birthDate, sex, gridId, version };
}

export function contractToProto(contract: ContractSnapshot): peopleV1.Contract {
  return {
    ...contract,
    tags: contract.tags.map((tag) => TAGS.find(([d]) => d === tag)![1]),
    status: STATUSES.find(([d]) => d === contract.status)![1],
    endedAt: contract.endedAt ?? undefined,
  };
}
