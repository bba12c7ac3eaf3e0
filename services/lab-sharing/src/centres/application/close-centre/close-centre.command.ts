import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  centreId: requestField.uuid(),
});

export type CloseCentreInput = z.input<typeof fields>;

/** CloseCentre: the centre takes no new order. */
export class CloseCentreCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly centreId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CloseCentreInput): CloseCentreCommand {
    const c = parseFields(fields, input);
    return new CloseCentreCommand(c.clientRequestId, c.centreId);
  }
}
