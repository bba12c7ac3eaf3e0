import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the settlement context a request can break; the code names the rule. */
export enum SettlementErrorCode {
  InvalidPolicy = 'INVALID_SETTLEMENT_POLICY',
  InvalidRun = 'INVALID_SETTLEMENT_RUN',
  StaleRulesVersion = 'STALE_SETTLEMENT_RULES_VERSION',
  NoRuleInForce = 'NO_SETTLEMENT_RULE_IN_FORCE',
  UnbalancedTransaction = 'UNBALANCED_TRANSACTION',
  ClaimCountedTwice = 'CLAIM_COUNTED_TWICE',
  ClaimOutsidePeriod = 'CLAIM_OUTSIDE_PERIOD',
  NoPointsToShare = 'NO_POINTS_TO_SHARE',
  PeriodAlreadySettled = 'PERIOD_ALREADY_SETTLED',
  PeriodNotOver = 'PERIOD_NOT_OVER',
  GroupNotKnown = 'GROUP_NOT_KNOWN',
  SettlementNotFound = 'SETTLEMENT_NOT_FOUND',
}

function categoryOf(code: SettlementErrorCode): ErrorCategory {
  switch (code) {
    case SettlementErrorCode.InvalidPolicy:
    case SettlementErrorCode.InvalidRun:
    case SettlementErrorCode.ClaimOutsidePeriod:
      return 'invalid-argument';
    case SettlementErrorCode.ClaimCountedTwice:
    case SettlementErrorCode.PeriodAlreadySettled:
      return 'already-exists';
    case SettlementErrorCode.GroupNotKnown:
    case SettlementErrorCode.SettlementNotFound:
      return 'not-found';
    case SettlementErrorCode.PeriodNotOver:
      return 'failed-precondition';
    case SettlementErrorCode.StaleRulesVersion:
      return 'conflict';
    case SettlementErrorCode.NoRuleInForce:
      return 'failed-precondition';
    case SettlementErrorCode.UnbalancedTransaction:
    case SettlementErrorCode.NoPointsToShare:
      return 'failed-precondition';
  }
}

/** Every failure of the settlement context, by code: the context's one error class. */
export class SettlementError extends AppError {
  constructor(
    code: SettlementErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  static invalid(violations: readonly FieldViolation[]): SettlementError {
    return new SettlementError(
      SettlementErrorCode.InvalidPolicy,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
