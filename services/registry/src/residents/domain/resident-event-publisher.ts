import { type ContractChanged } from './contract';
import { type ResidentSnapshot } from './resident';

export type ResidentEvent =
  | { kind: 'resident-changed'; resident: ResidentSnapshot }
  | { kind: 'contract-changed'; event: ContractChanged; residentIdNumber: string };

/** Port: records events in the current transaction's outbox. */
export abstract class ResidentEventPublisher {
  abstract publish(events: readonly ResidentEvent[]): Promise<void>;
}
