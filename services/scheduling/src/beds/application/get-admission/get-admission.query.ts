import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  admissionId: requestField.uuid(),
  purpose: z.string().default('admission look-up'),
});

/** GetAdmission: one admission, an audited read of patient data. */
export class GetAdmissionQuery {
  private constructor(
    /** Lower case. */
    readonly admissionId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: z.input<typeof fields>): GetAdmissionQuery {
    const { admissionId, purpose } = parseFields(fields, input);
    return new GetAdmissionQuery(admissionId, purpose);
  }
}
