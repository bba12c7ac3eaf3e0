import { FieldChecks } from '@medgrid/errors';

/** GetReservePolicy: the hospital whose reserve rule is asked for. */
export class GetReservePolicyQuery {
  private constructor(readonly institutionId: string) {}

  static create(input: { institutionId: string }): GetReservePolicyQuery {
    new FieldChecks().uuid('institutionId', input.institutionId).throwIfAny();
    return new GetReservePolicyQuery(input.institutionId);
  }
}
