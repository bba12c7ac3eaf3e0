import { requestField } from '@medgrid/errors';
import { z } from 'zod';

/** A step on one contract (RenewContract, EndContract): the request's id and the contract's. */
export const contractChangeFields = z.object({
  clientRequestId: requestField.uuid(),
  contractId: requestField.uuid(),
});

export type ContractChangeInput = z.input<typeof contractChangeFields>;
