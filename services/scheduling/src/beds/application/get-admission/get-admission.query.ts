import { FieldChecks } from '@medgrid/errors';

/** GetAdmission: one admission, an audited read of patient data. */
export class GetAdmissionQuery {
  private constructor(
    /** Lower case. */
    readonly admissionId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: { admissionId: string; purpose?: string }): GetAdmissionQuery {
    new FieldChecks().uuid('admissionId', input.admissionId).throwIfAny();
    return new GetAdmissionQuery(input.admissionId.toLowerCase(), input.purpose ?? 'admission look-up');
  }
}
