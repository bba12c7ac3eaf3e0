import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  batchId: requestField.uuid(),
});

export type DispatchSterilisationBatchInput = z.input<typeof fields>;

/** DispatchBatch: the centre sends a sterilised batch back (by its host institution). */
export class DispatchSterilisationBatchCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly batchId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: DispatchSterilisationBatchInput): DispatchSterilisationBatchCommand {
    const c = parseFields(fields, input);
    return new DispatchSterilisationBatchCommand(c.clientRequestId, c.batchId);
  }
}
