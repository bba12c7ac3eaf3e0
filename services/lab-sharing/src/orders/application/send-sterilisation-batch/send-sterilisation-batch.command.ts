import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type InstrumentPackage } from '../../domain/sterilisation-batch';

// The packages' own rules (barcode, name, quantity, each once) are the batch's: SterilisationBatch.send
// names every bad one as packages[i].<field>.
const fields = z.object({
  clientRequestId: requestField.uuid(),
  sendingInstitutionId: requestField.optionalUuid(),
  centreId: requestField.uuid(),
  packages: z.array(z.object({ code: z.string(), name: z.string(), quantity: z.number() })).max(200),
});

export type SendSterilisationBatchInput = z.input<typeof fields>;

/** SendBatch: a site's used instruments, by package, to a sterilisation-supply centre. */
export class SendSterilisationBatchCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Undefined for the caller's institution. */
    readonly sendingInstitutionId: string | undefined,
    readonly centreId: string,
    readonly packages: readonly InstrumentPackage[],
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SendSterilisationBatchInput): SendSterilisationBatchCommand {
    const c = parseFields(fields, input);
    return new SendSterilisationBatchCommand(
      c.clientRequestId,
      c.sendingInstitutionId,
      c.centreId,
      c.packages,
    );
  }
}
