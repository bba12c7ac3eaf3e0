import { FieldChecks } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { daysBetween } from '../../domain/clinic-time';

/** Generating more than two months at once is a mistake, not a plan. */
const MAX_GENERATE_DAYS = 62;

export interface GenerateSessionsInput {
  readonly clientRequestId: string;
  readonly institutionId: string;
  readonly fromDate: string;
  readonly toDate: string;
}

/** GenerateSessions: a hospital's templates turned into sessions on [fromDate, toDate]. */
export class GenerateSessionsCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly institutionId: string,
    /** YYYY-MM-DD */
    readonly fromDate: string,
    /** YYYY-MM-DD, at most MAX_GENERATE_DAYS after fromDate */
    readonly toDate: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: GenerateSessionsInput): GenerateSessionsCommand {
    const checks = new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('institutionId', input.institutionId)
      .check('fromDate', isLocalDate(input.fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(input.toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    if (isLocalDate(input.fromDate) && isLocalDate(input.toDate)) {
      const days = daysBetween(input.fromDate, input.toDate);
      checks.check('toDate', days >= 0, 'BEFORE_START', 'must not be before fromDate');
      checks.check(
        'toDate',
        days <= MAX_GENERATE_DAYS,
        'OUT_OF_RANGE',
        `must be within ${MAX_GENERATE_DAYS} days of fromDate`,
      );
    }
    checks.throwIfAny();
    return new GenerateSessionsCommand(
      input.clientRequestId,
      input.institutionId,
      input.fromDate,
      input.toDate,
    );
  }
}
