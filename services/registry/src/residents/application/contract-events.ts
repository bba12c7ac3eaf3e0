import { type Contract } from '../domain/contract';
import { type ResidentEvent } from '../domain/resident-event-publisher';

/** The contract's recorded changes as events, each carrying the resident's ID number. */
export function contractEvents(contract: Contract, residentIdNumber: string): ResidentEvent[] {
  return contract.pullEvents().map((event) => ({ kind: 'contract-changed', event, residentIdNumber }));
}
