import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { LAB_QUALITY_KINDS, type LabQualityKind } from '../../domain/lab-quality';
import { centreField } from '../centre-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  institutionId: requestField.uuid(),
  kind: requestField.present<LabQualityKind>(`must be one of ${LAB_QUALITY_KINDS.join(', ')}`),
  reference: requestField.text(100),
  validFrom: centreField.instant(),
  validUntil: centreField.instant(),
});

export type RecordLabQualityInput = z.input<typeof fields>;

/** RecordLabQuality: a quality record of a performing institution, with its validity. */
export class RecordLabQualityCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly kind: LabQualityKind,
    /** Trimmed. */
    readonly reference: string,
    readonly validFrom: Date,
    readonly validUntil: Date,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RecordLabQualityInput): RecordLabQualityCommand {
    const c = parseFields(fields, input);
    return new RecordLabQualityCommand(
      c.clientRequestId,
      c.institutionId,
      c.kind,
      c.reference,
      c.validFrom,
      c.validUntil,
    );
  }
}
