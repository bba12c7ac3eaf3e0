import { isUuid, pageFields, parseFields, requestField } from '@medgrid/errors';
import { type PageRequest, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type WorklistCursor } from '../../domain/report.repository';

/** A worklist pages by urgency rank, arrival, then id: 50 reports unless asked, at most 200. */
const WORKLIST_PAGES: PageRules<WorklistCursor> = {
  max: 200,
  default: 50,
  keyLength: 3,
  cursor: ([rank, at, id]) => {
    const receivedAt = new Date(String(at));
    return Number.isInteger(rank) &&
      (rank as number) >= 0 &&
      (rank as number) <= 2 &&
      !Number.isNaN(receivedAt.getTime()) &&
      isUuid(String(id))
      ? { urgencyRank: rank as number, receivedAt, id: String(id) }
      : null;
  },
};

const fields = z.object({
  centreId: requestField.uuid(),
  ...pageFields(WORKLIST_PAGES),
  'x-purpose': requestField.purpose('reporting worklist'),
});

export type GetWorklistInput = z.input<typeof fields>;

/** GetWorklist: a page of a centre's worklist, an audited read of patient data. */
export class GetWorklistQuery {
  private constructor(
    readonly centreId: string,
    readonly page: PageRequest<WorklistCursor>,
    readonly purpose: string,
  ) {}

  static create(input: GetWorklistInput): GetWorklistQuery {
    const q = parseFields(fields, input);
    return new GetWorklistQuery(q.centreId, pageRequest(q, WORKLIST_PAGES), q['x-purpose']);
  }
}
