import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ batchId: requestField.uuid() });

export type GetSterilisationBatchInput = z.input<typeof fields>;

/** GetBatch: one sterilisation batch. */
export class GetSterilisationBatchQuery {
  private constructor(readonly batchId: string) {}

  static create(input: GetSterilisationBatchInput): GetSterilisationBatchQuery {
    return new GetSterilisationBatchQuery(parseFields(fields, input).batchId);
  }
}
