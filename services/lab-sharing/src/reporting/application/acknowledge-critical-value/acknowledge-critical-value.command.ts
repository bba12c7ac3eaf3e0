import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  criticalValueId: requestField.uuid(),
});

export type AcknowledgeCriticalValueInput = z.input<typeof fields>;

/** AcknowledgeCriticalValue: a clinician of the ordering site takes a critical value. */
export class AcknowledgeCriticalValueCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly criticalValueId: string,
  ) {}

  static create(input: AcknowledgeCriticalValueInput): AcknowledgeCriticalValueCommand {
    const f = parseFields(fields, input);
    return new AcknowledgeCriticalValueCommand(f.clientRequestId, f.criticalValueId);
  }
}
