import { ContractChanged, ResidentChanged } from '../../generated/medgrid/registry/v1/resident_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A resident was registered or changed; the payload carries no name or phone. */
export const ResidentChangedEvent = defineEvent<ResidentChanged>({
  type: 'medgrid.registry.v1.ResidentChanged',
  schemaVersion: 1,
  topic: TOPICS.registryResident,
  codec: ResidentChanged,
});

/** A contract was signed, renewed, ended or expired; the payload is its whole new state. */
export const ContractChangedEvent = defineEvent<ContractChanged>({
  type: 'medgrid.registry.v1.ContractChanged',
  schemaVersion: 1,
  topic: TOPICS.registryContract,
  codec: ContractChanged,
});
