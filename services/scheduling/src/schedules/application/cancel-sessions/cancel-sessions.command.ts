import { FieldChecks } from '@medgrid/errors';
import { addDays, isLocalDate } from '@medgrid/kernel';

export interface CancelSessionsInput {
  readonly clientRequestId: string;
  readonly institutionId: string;
  /** Empty for every session of the hospital. */
  readonly practitionerId: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly reason: string;
}

/** CancelSessions: a hospital's (or one doctor's) sessions on [fromDate, toDate] closed, with a reason. */
export class CancelSessionsCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly institutionId: string,
    /** Lower case; empty for every session of the hospital. */
    readonly practitionerId: string,
    readonly fromDate: string,
    readonly toDate: string,
    /** Trimmed; shown to the patients whose bookings end. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CancelSessionsInput): CancelSessionsCommand {
    const checks = new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('institutionId', input.institutionId)
      .required('reason', input.reason)
      .maxLength('reason', input.reason, 200)
      .check('fromDate', isLocalDate(input.fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(input.toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    if (input.practitionerId) checks.uuid('practitionerId', input.practitionerId);
    if (isLocalDate(input.fromDate) && isLocalDate(input.toDate)) {
      checks.check('toDate', input.toDate >= input.fromDate, 'BEFORE_START', 'must not be before fromDate');
      checks.check(
        'toDate',
        input.toDate <= addDays(input.fromDate, 366),
        'OUT_OF_RANGE',
        'must be within a year',
      );
    }
    checks.throwIfAny();
    return new CancelSessionsCommand(
      input.clientRequestId,
      input.institutionId,
      input.practitionerId.toLowerCase(),
      input.fromDate,
      input.toDate,
      input.reason.trim(),
    );
  }
}
