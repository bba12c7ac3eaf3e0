import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ institutionId: requestField.uuid() });

export type GetLabQualityInput = z.input<typeof fields>;

/** GetLabQuality: an institution's quality records and what they show now. */
export class GetLabQualityQuery {
  private constructor(readonly institutionId: string) {}

  static create(input: GetLabQualityInput): GetLabQualityQuery {
    return new GetLabQualityQuery(parseFields(fields, input).institutionId);
  }
}
