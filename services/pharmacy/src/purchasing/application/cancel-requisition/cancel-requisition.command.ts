import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  requisitionId: requestField.uuid(),
});

export type CancelRequisitionInput = z.input<typeof fields>;

/** CancelRequisition: an open requisition of the caller's institution, cancelled before the centre orders it. */
export class CancelRequisitionCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly requisitionId: string,
  ) {}

  static create(input: CancelRequisitionInput): CancelRequisitionCommand {
    const f = parseFields(fields, input);
    return new CancelRequisitionCommand(f.clientRequestId, f.requisitionId);
  }
}
