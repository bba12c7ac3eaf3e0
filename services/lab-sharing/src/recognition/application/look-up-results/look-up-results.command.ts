import { parseFields, requestField } from '@medgrid/errors';
import { perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { recognitionField } from '../recognition-fields';

function fieldsOn(now: Date) {
  return z.object({
    clientRequestId: requestField.uuid(),
    patientResidentId: recognitionField.residentId(now),
    itemCode: recognitionField.itemCode(),
    // Why the caller reads the patient's results (x-purpose), for the audit trail.
    'x-purpose': requestField.purpose(),
  });
}

/**
 * The schema reads `now` only through its local day (a birth date may not be after today), and making it costs more
 * CPU than the rest of a look-up's request handling (measured by the "already done?" benchmark): made once a day.
 */
const fieldsOfDay = perLocalDay(fieldsOn);

export type LookUpResultsInput = z.input<ReturnType<typeof fieldsOn>>;

/** LookUpResults: "already done?" for a patient and the item the caller's institution is about to order. */
export class LookUpResultsCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Upper case. */
    readonly patientResidentId: string,
    /** Upper case. */
    readonly itemCode: string,
    readonly purpose: string,
  ) {}

  static create(input: LookUpResultsInput, now = new Date()): LookUpResultsCommand {
    const f = parseFields(fieldsOfDay(now), input);
    return new LookUpResultsCommand(f.clientRequestId, f.patientResidentId, f.itemCode, f['x-purpose']);
  }
}
