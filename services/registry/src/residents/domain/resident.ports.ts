import { type Contract, type ContractChanged } from './contract';
import { type Resident, type ResidentSnapshot } from './resident';

/** Persistence port of residents and contracts. */
export interface ResidentRepository {
  insertResident(resident: Resident): Promise<void>;
  updateResident(resident: Resident, expectedVersion: number): Promise<void>;
  findResident(id: string, forUpdate?: boolean): Promise<Resident | null>;
  findResidentByIdNumber(residentIdNumber: string): Promise<Resident | null>;
  /** Residents of a grid by name, keyset-paged on (name, id). */
  searchResidents(search: {
    gridId: string;
    nameContains?: string;
    after?: { name: string; id: string };
    limit: number;
  }): Promise<Resident[]>;
  insertContract(contract: Contract): Promise<void>;
  updateContract(contract: Contract, expectedVersion: number): Promise<void>;
  findContract(id: string, forUpdate?: boolean): Promise<Contract | null>;
  /** The resident's contract with status active, if any (it may have lapsed). */
  findActiveContract(residentId: string, forUpdate?: boolean): Promise<Contract | null>;
  /** Bulk inserts for imports and demo loads (one statement each). */
  insertResidents(residents: readonly Resident[]): Promise<void>;
  insertContracts(contracts: readonly Contract[]): Promise<void>;
  /** Which of these ID numbers are already registered. */
  existingIdNumbers(residentIdNumbers: readonly string[]): Promise<Set<string>>;
}

export const RESIDENT_REPOSITORY = Symbol('RESIDENT_REPOSITORY');

export type ResidentEvent =
  | { kind: 'resident-changed'; resident: ResidentSnapshot }
  | { kind: 'contract-changed'; event: ContractChanged; residentIdNumber: string };

/** Port: records events in the current transaction's outbox. */
export interface ResidentEventPublisher {
  publish(events: readonly ResidentEvent[]): Promise<void>;
}

export const RESIDENT_EVENT_PUBLISHER = Symbol('RESIDENT_EVENT_PUBLISHER');
