import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ id: requestField.uuid() });

/** POST /api/accounts/:id/disable. */
export class DisableAccountCommand {
  private constructor(readonly id: string) {}

  static from(id: unknown): DisableAccountCommand {
    return new DisableAccountCommand(parseFields(fields, { id } as never).id);
  }
}
