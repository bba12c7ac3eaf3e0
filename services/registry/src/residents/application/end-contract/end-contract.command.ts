import { parseFields } from '@medgrid/errors';
import { contractChangeFields, type ContractChangeInput } from '../contract-change-fields';

/** EndContract: a contract ended before its term is out. */
export class EndContractCommand {
  private constructor(
    /** Lower case, like the contract's id. */
    readonly clientRequestId: string,
    readonly contractId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: ContractChangeInput): EndContractCommand {
    const { clientRequestId, contractId } = parseFields(contractChangeFields, input);
    return new EndContractCommand(clientRequestId, contractId);
  }
}
