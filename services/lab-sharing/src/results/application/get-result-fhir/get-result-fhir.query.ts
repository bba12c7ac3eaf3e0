import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  id: requestField.uuid(),
  'x-purpose': requestField.purpose(),
});

export type GetResultFhirInput = z.input<typeof fields>;

/** GetResultFhir: one result as a FHIR R4 bundle. */
export class GetResultFhirQuery {
  private constructor(
    readonly id: string,
    readonly purpose: string,
  ) {}

  static create(input: GetResultFhirInput): GetResultFhirQuery {
    const f = parseFields(fields, input);
    return new GetResultFhirQuery(f.id, f['x-purpose']);
  }
}
