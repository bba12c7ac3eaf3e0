import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { type RequisitionStatus } from '../../domain/requisition';

const fields = z.object({
  status: z.enum(['open', 'ordered', 'cancelled']).optional(),
});

export type ListRequisitionsInput = z.input<typeof fields>;

/** ListRequisitions: the caller's institution's requisitions, or its group's for the centre; of one status or all. */
export class ListRequisitionsQuery {
  private constructor(readonly status: RequisitionStatus | null) {}

  static create(input: ListRequisitionsInput): ListRequisitionsQuery {
    return new ListRequisitionsQuery(parseFields(fields, input).status ?? null);
  }
}
