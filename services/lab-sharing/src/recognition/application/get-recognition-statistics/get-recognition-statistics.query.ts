import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  since: requestField.present<Date>('the instant the figures start from'),
  groupId: requestField.optionalUuid(),
});

export type GetRecognitionStatisticsInput = z.input<typeof fields>;

/** GetRecognitionStatistics: the recognition rate after look-up and repeats avoided since an instant. */
export class GetRecognitionStatisticsQuery {
  private constructor(
    readonly since: Date,
    /** A city operator's choice of group; null: the caller's group, or every group. */
    readonly groupId: string | null,
  ) {}

  static create(input: GetRecognitionStatisticsInput): GetRecognitionStatisticsQuery {
    const f = parseFields(fields, input);
    return new GetRecognitionStatisticsQuery(f.since, f.groupId ?? null);
  }
}
