import { isUuid, pageFields, parseFields, refusal, requestField } from '@medgrid/errors';
import { pageRequest, perLocalDay, type PageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { recognitionField } from '../../../recognition/application/recognition-fields';
import { type ResultCursor } from '../../domain/result-record.repository';

/** A patient's results page newest first, by performed time and id. */
export const RESULT_PAGES: PageRules<ResultCursor> = {
  max: 100,
  default: 20,
  keyLength: 2,
  cursor: ([at, id]) =>
    typeof at === 'number' && Number.isInteger(at) && typeof id === 'string' && isUuid(id)
      ? { performedAt: new Date(at), id }
      : null,
};

function fieldsOn(now: Date) {
  return z
    .object({
      patientResidentId: recognitionField.residentId(now),
      itemCode: z.string().transform((code) => code.trim().toUpperCase()),
      performedFrom: z.date().optional(),
      performedTo: z.date().optional(),
      ...pageFields(RESULT_PAGES),
      'x-purpose': requestField.purpose(),
    })
    .refine(
      (f) => !f.performedFrom || !f.performedTo || f.performedFrom.getTime() < f.performedTo.getTime(),
      { ...refusal('EMPTY_PERIOD', 'must be after performedFrom'), path: ['performedTo'] },
    );
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type ListPatientResultsInput = z.input<ReturnType<typeof fieldsOn>>;

/** ListPatientResults: a patient's results, newest first, by item and period. */
export class ListPatientResultsQuery {
  private constructor(
    readonly patientResidentId: string,
    readonly itemCode: string | null,
    readonly from: Date | null,
    readonly to: Date | null,
    readonly page: PageRequest<ResultCursor>,
    readonly purpose: string,
  ) {}

  static create(input: ListPatientResultsInput, now = new Date()): ListPatientResultsQuery {
    const f = parseFields(fieldsOfDay(now), input);
    return new ListPatientResultsQuery(
      f.patientResidentId,
      f.itemCode || null,
      f.performedFrom ?? null,
      f.performedTo ?? null,
      pageRequest(f, RESULT_PAGES),
      f['x-purpose'],
    );
  }
}
