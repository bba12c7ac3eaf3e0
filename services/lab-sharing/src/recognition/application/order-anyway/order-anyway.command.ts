import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { REASON_MAX } from '../../domain/recognition-lookup';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  lookupId: requestField.uuid(),
  reason: requestField.text(REASON_MAX),
});

export type OrderAnywayInput = z.input<typeof fields>;

/** OrderAnyway: the site orders again despite the recognised results offered, saying why. */
export class OrderAnywayCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly lookupId: string,
    /** Trimmed. */
    readonly reason: string,
  ) {}

  static create(input: OrderAnywayInput): OrderAnywayCommand {
    const f = parseFields(fields, input);
    return new OrderAnywayCommand(f.clientRequestId, f.lookupId, f.reason);
  }
}
