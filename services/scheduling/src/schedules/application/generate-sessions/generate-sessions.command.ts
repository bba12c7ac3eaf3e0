import { parseFields, refusal, requestField } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { daysBetween } from '../../domain/clinic-time';

/** Generating more than two months at once is a mistake, not a plan. */
const MAX_GENERATE_DAYS = 62;

/** The fields of `input`: its end is judged against its start when both are dates. */
function fieldsOf(input: { fromDate: string; toDate: string }) {
  const days =
    isLocalDate(input.fromDate) && isLocalDate(input.toDate)
      ? daysBetween(input.fromDate, input.toDate)
      : null;
  return z.object({
    clientRequestId: requestField.uuid(),
    institutionId: requestField.uuid(),
    fromDate: schedulingField.localDate(),
    toDate: schedulingField
      .localDate()
      .refine(() => days === null || days >= 0, refusal('BEFORE_START', 'must not be before fromDate'))
      .refine(
        () => days === null || days <= MAX_GENERATE_DAYS,
        refusal('OUT_OF_RANGE', `must be within ${MAX_GENERATE_DAYS} days of fromDate`),
      ),
  });
}

export type GenerateSessionsInput = z.input<ReturnType<typeof fieldsOf>>;

/** GenerateSessions: a hospital's templates turned into sessions on [fromDate, toDate]. */
export class GenerateSessionsCommand {
  private constructor(
    /** Lower case, like the hospital's id. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    /** YYYY-MM-DD */
    readonly fromDate: string,
    /** YYYY-MM-DD, at most MAX_GENERATE_DAYS after fromDate */
    readonly toDate: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GenerateSessionsInput): GenerateSessionsCommand {
    const { clientRequestId, institutionId, fromDate, toDate } = parseFields(fieldsOf(input), input);
    return new GenerateSessionsCommand(clientRequestId, institutionId, fromDate, toDate);
  }
}
