import { isUuid, pageFields, parseFields, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { type AdmissionStatus } from '../../domain/admission';
import { type AdmissionCursor } from '../../domain/bed.repository';

/** A ward's queue pages by rank, time of request, then id: 50 admissions unless asked, at most 200. */
const QUEUE_PAGES: PageRules<AdmissionCursor> = {
  max: 200,
  default: 50,
  keyLength: 3,
  cursor: ([queueRank, at, id]) => {
    const requestedAt = new Date(String(at));
    return Number.isInteger(queueRank) &&
      (queueRank as number) >= 0 &&
      (queueRank as number) <= 3 &&
      !Number.isNaN(requestedAt.getTime()) &&
      isUuid(String(id))
      ? { queueRank: queueRank as number, requestedAt, id: String(id) }
      : null;
  },
};

const fields = z.object({
  wardId: requestField.uuid(),
  /** undefined for the active ones (requested or admitted). */
  status: schedulingField.knownOrAny<AdmissionStatus>('is not an admission status'),
  ...pageFields(QUEUE_PAGES),
  purpose: z.string().default('ward admission list'),
});

export type ListAdmissionsInput = z.input<typeof fields>;

/** ListAdmissions: a page of a ward's queue, an audited read of patient data. */
export class ListAdmissionsQuery {
  private constructor(
    /** Lower case. */
    readonly wardId: string,
    readonly status: AdmissionStatus | undefined,
    readonly page: PageRequest<AdmissionCursor>,
    /** Why the caller reads them, for the audit log. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once, the page fields with the others. */
  static create(input: ListAdmissionsInput): ListAdmissionsQuery {
    const q = parseFields(fields, input);
    return new ListAdmissionsQuery(q.wardId, q.status, pageRequest(q, QUEUE_PAGES), q.purpose);
  }
}
