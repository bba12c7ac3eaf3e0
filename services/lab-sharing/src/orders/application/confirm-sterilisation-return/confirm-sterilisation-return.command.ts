import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  batchId: requestField.uuid(),
});

export type ConfirmSterilisationReturnInput = z.input<typeof fields>;

/** ConfirmReturn: the sending site has its instruments back. */
export class ConfirmSterilisationReturnCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly batchId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: ConfirmSterilisationReturnInput): ConfirmSterilisationReturnCommand {
    const c = parseFields(fields, input);
    return new ConfirmSterilisationReturnCommand(c.clientRequestId, c.batchId);
  }
}
