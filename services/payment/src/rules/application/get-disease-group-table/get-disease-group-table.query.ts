import { parseFields, requestField } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';

const fields = z.object({
  regionId: requestField.uuid(),
  on: requestField.matching(isLocalDate, {
    reason: 'INVALID_DATE',
    description: 'must be a date (YYYY-MM-DD)',
  }),
});

export type GetDiseaseGroupTableInput = z.input<typeof fields>;

/** GetDiseaseGroupTable: a fund's disease-group table in force on a local date. */
export class GetDiseaseGroupTableQuery {
  private constructor(
    readonly regionId: string,
    readonly on: string,
  ) {}

  static create(input: GetDiseaseGroupTableInput): GetDiseaseGroupTableQuery {
    const f = parseFields(fields, input);
    return new GetDiseaseGroupTableQuery(f.regionId, f.on);
  }
}
