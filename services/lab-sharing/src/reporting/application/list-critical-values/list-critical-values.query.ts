import { isUuid, pageFields, parseFields, refusal, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type CriticalValueStatus } from '../../domain/critical-value';
import { type AlertCursor } from '../../domain/critical-value-alert.repository';

/** Alerts page newest first, by time raised then id: 50 unless asked, at most 200. */
const ALERT_PAGES: PageRules<AlertCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([at, id]) => {
    const raisedAt = new Date(String(at));
    return !Number.isNaN(raisedAt.getTime()) && isUuid(String(id)) ? { raisedAt, id: String(id) } : null;
  },
};

const fields = z.object({
  orderingInstitutionId: requestField.uuid(),
  /** undefined for any; null for a status the contract does not know. */
  status: z
    .custom<CriticalValueStatus | undefined | null>()
    .refine((s) => s !== null, refusal('INVALID_VALUE', 'is not a critical value status')),
  ...pageFields(ALERT_PAGES),
  'x-purpose': requestField.purpose('critical values'),
});

export type ListCriticalValuesInput = z.input<typeof fields>;

/** ListCriticalValues: a page of an ordering site's critical values, an audited read. */
export class ListCriticalValuesQuery {
  private constructor(
    readonly orderingInstitutionId: string,
    readonly status: CriticalValueStatus | undefined,
    readonly page: PageRequest<AlertCursor>,
    readonly purpose: string,
  ) {}

  static create(input: ListCriticalValuesInput): ListCriticalValuesQuery {
    const q = parseFields(fields, input);
    return new ListCriticalValuesQuery(
      q.orderingInstitutionId,
      q.status ?? undefined,
      pageRequest(q, ALERT_PAGES),
      q['x-purpose'],
    );
  }
}
