import { parseFields } from '@medgrid/errors';
import { contractChangeFields, type ContractChangeInput } from '../contract-change-fields';

/** RenewContract: another term of a contract near its end. */
export class RenewContractCommand {
  private constructor(
    /** Lower case, like the contract's id. */
    readonly clientRequestId: string,
    readonly contractId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: ContractChangeInput): RenewContractCommand {
    const { clientRequestId, contractId } = parseFields(contractChangeFields, input);
    return new RenewContractCommand(clientRequestId, contractId);
  }
}
