import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the budgets context (capitation rates, global budgets) a request can break. */
export enum BudgetErrorCode {
  InvalidBudget = 'INVALID_BUDGET',
  StaleBudgetVersion = 'STALE_BUDGET_VERSION',
  NoCapitationRate = 'NO_CAPITATION_RATE',
  PeriodAlreadySettled = 'PERIOD_ALREADY_SETTLED',
}

function categoryOf(code: BudgetErrorCode): ErrorCategory {
  switch (code) {
    case BudgetErrorCode.InvalidBudget:
      return 'invalid-argument';
    case BudgetErrorCode.StaleBudgetVersion:
      return 'conflict';
    case BudgetErrorCode.NoCapitationRate:
    case BudgetErrorCode.PeriodAlreadySettled:
      return 'failed-precondition';
  }
}

/** Every failure of the budgets context, by code: the context's one error class. */
export class BudgetError extends AppError {
  constructor(
    code: BudgetErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  static invalid(violations: readonly FieldViolation[]): BudgetError {
    return new BudgetError(
      BudgetErrorCode.InvalidBudget,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
