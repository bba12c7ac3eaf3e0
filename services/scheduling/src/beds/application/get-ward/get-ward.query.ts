import { FieldChecks } from '@medgrid/errors';

/** GetWard: one ward with its beds per pool. */
export class GetWardQuery {
  private constructor(
    /** Lower case. */
    readonly wardId: string,
  ) {}

  static create(input: { wardId: string }): GetWardQuery {
    new FieldChecks().uuid('wardId', input.wardId).throwIfAny();
    return new GetWardQuery(input.wardId.toLowerCase());
  }
}
