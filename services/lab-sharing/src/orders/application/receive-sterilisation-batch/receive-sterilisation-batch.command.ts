import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  batchId: requestField.uuid(),
});

export type ReceiveSterilisationBatchInput = z.input<typeof fields>;

/** ReceiveBatch: the centre has the batch (by its host institution). */
export class ReceiveSterilisationBatchCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly batchId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: ReceiveSterilisationBatchInput): ReceiveSterilisationBatchCommand {
    const c = parseFields(fields, input);
    return new ReceiveSterilisationBatchCommand(c.clientRequestId, c.batchId);
  }
}
