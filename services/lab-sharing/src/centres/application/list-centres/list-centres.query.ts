import { isUuid, pageFields, parseFields, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type CentreKind } from '../../../common/exam-kinds';
import { type SharedCentreCursor } from '../../domain/shared-centre.repository';

/** A group's centres page by name, then id: 50 unless asked, at most 200. */
const CENTRE_PAGES: PageRules<SharedCentreCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([name, id]) => (typeof name === 'string' && isUuid(String(id)) ? { name, id: String(id) } : null),
};

const fields = z.object({
  groupId: requestField.optionalUuid(),
  /** Undefined for any kind (UNSPECIFIED). */
  kind: z.custom<CentreKind | undefined>(),
  includeClosed: z.boolean(),
  ...pageFields(CENTRE_PAGES),
});

export type ListCentresInput = z.input<typeof fields>;

/** ListCentres: a page of a group's centres. */
export class ListCentresQuery {
  private constructor(
    /** Undefined for the caller's group. */
    readonly groupId: string | undefined,
    readonly kind: CentreKind | undefined,
    readonly includeClosed: boolean,
    readonly page: PageRequest<SharedCentreCursor>,
  ) {}

  /** Reports every bad field at once, the page fields with the others. */
  static create(input: ListCentresInput): ListCentresQuery {
    const q = parseFields(fields, input);
    return new ListCentresQuery(q.groupId, q.kind, q.includeClosed, pageRequest(q, CENTRE_PAGES));
  }
}
