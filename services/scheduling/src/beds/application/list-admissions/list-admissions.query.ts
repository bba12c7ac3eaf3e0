import { FieldChecks, isUuid } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
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

export interface ListAdmissionsInput {
  readonly wardId: string;
  /** undefined for the active ones (requested or admitted); null for a value the contract does not know. */
  readonly status: AdmissionStatus | undefined | null;
  readonly pageSize: number;
  readonly pageToken: string;
  readonly purpose?: string;
}

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
    const page = pageRequest(input, QUEUE_PAGES);
    new FieldChecks()
      .uuid('wardId', input.wardId)
      .check('status', input.status !== null, 'INVALID_VALUE', 'is not an admission status')
      .addAll(page.problems)
      .throwIfAny();
    return new ListAdmissionsQuery(
      input.wardId.toLowerCase(),
      input.status ?? undefined,
      page,
      input.purpose ?? 'ward admission list',
    );
  }
}
