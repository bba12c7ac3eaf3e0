import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ requisitionId: requestField.uuid() });

export type GetRequisitionInput = z.input<typeof fields>;

/** GetRequisition: one requisition. */
export class GetRequisitionQuery {
  private constructor(readonly requisitionId: string) {}

  static create(input: GetRequisitionInput): GetRequisitionQuery {
    return new GetRequisitionQuery(parseFields(fields, input).requisitionId);
  }
}
