import { FieldChecks } from '@medgrid/errors';
import { type Pool } from '../../../booking/domain/pool';

/** AssignBed: a free bed for an admission, from the pool asked for or the first with one. */
export class AssignBedCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly admissionId: string,
    /** undefined: reserved when the admission may take it, else public. */
    readonly pool: Pool | undefined,
  ) {}

  /** Reports every bad field at once; a pool the contract does not know is refused. */
  static create(input: {
    clientRequestId: string;
    admissionId: string;
    pool: Pool | undefined | null;
  }): AssignBedCommand {
    new FieldChecks()
      .check('pool', input.pool !== null, 'INVALID_VALUE', 'is not a pool')
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('admissionId', input.admissionId)
      .throwIfAny();
    return new AssignBedCommand(
      input.clientRequestId,
      input.admissionId.toLowerCase(),
      input.pool ?? undefined,
    );
  }
}
