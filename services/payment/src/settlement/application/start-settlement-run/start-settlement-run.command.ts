import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  groupId: requestField.uuid(),
  // A settlement period is a calendar month.
  month: requestField.matching((value) => MONTH.test(value), {
    reason: 'INVALID_PERIOD',
    description: 'must be a calendar month, YYYY-MM',
  }),
});

export type StartSettlementRunInput = z.input<typeof fields>;

/** StartSettlementRun: settle a group's month. */
export class StartSettlementRunCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly groupId: string,
    readonly month: string,
  ) {}

  static create(input: StartSettlementRunInput): StartSettlementRunCommand {
    const f = parseFields(fields, input);
    return new StartSettlementRunCommand(f.clientRequestId, f.groupId, f.month);
  }
}
