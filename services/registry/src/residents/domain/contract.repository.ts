import { type Contract } from './contract';

/** Persistence port of family-doctor contracts. */
export abstract class ContractRepository {
  /** Refuses a second active contract of a resident (RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT). */
  abstract insert(contract: Contract): Promise<void>;
  /** Many contracts in one statement (imports, the demo city); refused as `insert` is. */
  abstract insertMany(contracts: readonly Contract[]): Promise<void>;
  /** Saves a changed contract if its stored version is still `expectedVersion` (else VERSION_CONFLICT). */
  abstract update(contract: Contract, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<Contract | null>;
  /** The resident's contract with status active, if any (it may have lapsed). */
  abstract findActive(residentId: string, forUpdate?: boolean): Promise<Contract | null>;
}
