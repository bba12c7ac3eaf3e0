import { pageRequest, type PageRequest, type PageRules } from '@medgrid/kernel';
import { pageFields, parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { type RequisitionStatus } from '../../domain/requisition';
import { type RequisitionCursor } from '../../domain/purchasing.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Newest raised first, ties by id: a token holds the last row's raised-at instant (ms) and id. */
export const REQUISITION_PAGE: PageRules<RequisitionCursor> = {
  max: 500,
  default: 100,
  keyLength: 2,
  cursor: ([raisedAt, id]) =>
    typeof raisedAt === 'number' && Number.isInteger(raisedAt) && typeof id === 'string' && UUID.test(id)
      ? { raisedAt: new Date(raisedAt), id }
      : null,
};

const fields = z.object({
  status: z.enum(['open', 'ordered', 'cancelled']).optional(),
  pageSize: pageFields(REQUISITION_PAGE).pageSize.optional(),
  pageToken: pageFields(REQUISITION_PAGE).pageToken.optional(),
});

export type ListRequisitionsInput = z.input<typeof fields>;

/**
 * ListRequisitions: the caller's institution's requisitions, or its group's for the centre; of one status or all; a
 * page of 1-500 (100 by default) after the row a page token names.
 */
export class ListRequisitionsQuery {
  private constructor(
    readonly status: RequisitionStatus | null,
    readonly page: PageRequest<RequisitionCursor>,
  ) {}

  static create(input: ListRequisitionsInput): ListRequisitionsQuery {
    const f = parseFields(fields, input);
    return new ListRequisitionsQuery(f.status ?? null, pageRequest(f, REQUISITION_PAGE));
  }
}
