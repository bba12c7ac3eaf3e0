import { exactlyOneOf, isUuid, pageFields, parseFields, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type SterilisationStatus } from '../../domain/sterilisation-batch';
import {
  type SterilisationBatchCursor,
  type SterilisationBatchOwner,
} from '../../domain/sterilisation-batch.repository';

/** Batches page newest sent first, then by id: 50 unless asked, at most 200. */
const BATCH_PAGES: PageRules<SterilisationBatchCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([at, id]) => {
    const sentAt = new Date(String(at));
    return !Number.isNaN(sentAt.getTime()) && isUuid(String(id)) ? { sentAt, id: String(id) } : null;
  },
};

const fields = z
  .object({
    centreId: requestField.optionalUuid(),
    sendingInstitutionId: requestField.optionalUuid(),
    /** Undefined for any status (UNSPECIFIED). */
    status: z.custom<SterilisationStatus | undefined>(),
    ...pageFields(BATCH_PAGES),
  })
  .superRefine(exactlyOneOf('centreId', 'sendingInstitutionId'));

export type ListSterilisationBatchesInput = z.input<typeof fields>;

/** ListBatches: a page of a centre's or a sending site's batches. */
export class ListSterilisationBatchesQuery {
  private constructor(
    readonly owner: SterilisationBatchOwner,
    readonly status: SterilisationStatus | undefined,
    readonly page: PageRequest<SterilisationBatchCursor>,
  ) {}

  /** Reports every bad field at once, the page fields with the others. */
  static create(input: ListSterilisationBatchesInput): ListSterilisationBatchesQuery {
    const q = parseFields(fields, input);
    const owner: SterilisationBatchOwner = q.centreId
      ? { centreId: q.centreId }
      : { sendingInstitutionId: q.sendingInstitutionId! };
    return new ListSterilisationBatchesQuery(owner, q.status, pageRequest(q, BATCH_PAGES));
  }
}
