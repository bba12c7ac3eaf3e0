import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type Pool } from '../../../booking/domain/pool';
import { schedulingField } from '../../../common/scheduling-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  admissionId: requestField.uuid(),
  pool: schedulingField.knownOrAny<Pool>('is not a pool'),
});

export type AssignBedInput = z.input<typeof fields>;

/** AssignBed: a free bed for an admission, from the pool asked for or the first with one. */
export class AssignBedCommand {
  private constructor(
    /** Lower case, like the admission's id. */
    readonly clientRequestId: string,
    readonly admissionId: string,
    /** undefined: reserved when the admission may take it, else public. */
    readonly pool: Pool | undefined,
  ) {}

  /** Reports every bad field at once; a pool the contract does not know is refused. */
  static create(input: AssignBedInput): AssignBedCommand {
    const { clientRequestId, admissionId, pool } = parseFields(fields, input);
    return new AssignBedCommand(clientRequestId, admissionId, pool);
  }
}
