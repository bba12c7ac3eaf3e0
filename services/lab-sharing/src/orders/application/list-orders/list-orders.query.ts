import { exactlyOneOf, isUuid, pageFields, parseFields, refusal, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type OrderStatus } from '../../domain/order';
import { type OrderCursor, type OrderOwner } from '../../domain/order.repository';

/** Orders page newest first, by time placed then id: 50 unless asked, at most 200. */
const ORDER_PAGES: PageRules<OrderCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([at, id]) => {
    const placedAt = new Date(String(at));
    return !Number.isNaN(placedAt.getTime()) && isUuid(String(id)) ? { placedAt, id: String(id) } : null;
  },
};

const fields = z
  .object({
    orderingInstitutionId: requestField.optionalUuid(),
    centreId: requestField.optionalUuid(),
    /** undefined for any; null for a status the contract does not know. */
    status: z
      .custom<OrderStatus | undefined | null>()
      .refine((s) => s !== null, refusal('INVALID_VALUE', 'is not an order status')),
    ...pageFields(ORDER_PAGES),
    'x-purpose': requestField.purpose('order list'),
  })
  .superRefine(exactlyOneOf('orderingInstitutionId', 'centreId'));

export type ListOrdersInput = z.input<typeof fields>;

/** ListOrders: a page of a site's or a centre's orders, an audited read of patient data. */
export class ListOrdersQuery {
  private constructor(
    readonly owner: OrderOwner,
    readonly status: OrderStatus | undefined,
    readonly page: PageRequest<OrderCursor>,
    readonly purpose: string,
  ) {}

  static create(input: ListOrdersInput): ListOrdersQuery {
    const q = parseFields(fields, input);
    const owner: OrderOwner = q.centreId
      ? { centreId: q.centreId }
      : { orderingInstitutionId: q.orderingInstitutionId! };
    return new ListOrdersQuery(owner, q.status ?? undefined, pageRequest(q, ORDER_PAGES), q['x-purpose']);
  }
}
