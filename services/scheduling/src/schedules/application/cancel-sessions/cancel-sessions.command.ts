import { parseFields, refusal, requestField } from '@medgrid/errors';
import { addDays, isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';

/** The fields of `input`: its end is judged against its start when both are dates. */
function fieldsOf(input: { fromDate: string; toDate: string }) {
  const from = isLocalDate(input.fromDate) && isLocalDate(input.toDate) ? input.fromDate : null;
  return z.object({
    clientRequestId: requestField.uuid(),
    institutionId: requestField.uuid(),
    /** Empty for every session of the hospital. */
    practitionerId: schedulingField.uuidOrEmpty(),
    fromDate: schedulingField.localDate(),
    toDate: schedulingField
      .localDate()
      .refine((to) => from === null || to >= from, refusal('BEFORE_START', 'must not be before fromDate'))
      .refine(
        (to) => from === null || to <= addDays(from, 366),
        refusal('OUT_OF_RANGE', 'must be within a year'),
      ),
    reason: requestField.text(200),
  });
}

export type CancelSessionsInput = z.input<ReturnType<typeof fieldsOf>>;

/** CancelSessions: a hospital's (or one doctor's) sessions on [fromDate, toDate] closed, with a reason. */
export class CancelSessionsCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    /** Empty for every session of the hospital. */
    readonly practitionerId: string,
    readonly fromDate: string,
    /** At most a year after fromDate. */
    readonly toDate: string,
    /** Trimmed; shown to the patients whose bookings end. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CancelSessionsInput): CancelSessionsCommand {
    const c = parseFields(fieldsOf(input), input);
    return new CancelSessionsCommand(
      c.clientRequestId,
      c.institutionId,
      c.practitionerId,
      c.fromDate,
      c.toDate,
      c.reason,
    );
  }
}
