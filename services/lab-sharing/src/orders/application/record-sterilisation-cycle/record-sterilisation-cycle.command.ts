import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import {
  STERILISATION_METHODS,
  type SterilisationCycle,
  type SterilisationMethod,
} from '../../domain/sterilisation-batch';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  batchId: requestField.uuid(),
  cycle: z.object({
    cycleId: requestField.text(64),
    method: requestField.present<SterilisationMethod>(`must be one of ${STERILISATION_METHODS.join(', ')}`),
    indicatorsPassed: z.boolean(),
    at: requestField.present<Date>('is required'),
  }),
});

export type RecordSterilisationCycleInput = z.input<typeof fields>;

/** RecordCycle: a sterilisation cycle run on a received batch, with its indicators' verdict. */
export class RecordSterilisationCycleCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly batchId: string,
    /** Its cycle id trimmed. */
    readonly cycle: SterilisationCycle,
  ) {}

  /** Reports every bad field at once, a cycle's as cycle.<field>. */
  static create(input: RecordSterilisationCycleInput): RecordSterilisationCycleCommand {
    const c = parseFields(fields, input);
    return new RecordSterilisationCycleCommand(c.clientRequestId, c.batchId, c.cycle);
  }
}
