import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the rules context (reimbursement tables, disease-group points) a request can break. */
export enum RuleErrorCode {
  InvalidRuleTable = 'INVALID_RULE_TABLE',
  StaleTableVersion = 'STALE_TABLE_VERSION',
  NoRuleInForce = 'NO_RULE_IN_FORCE',
  UnknownDiseaseGroup = 'UNKNOWN_DISEASE_GROUP',
  RetroactiveChange = 'RETROACTIVE_CHANGE',
}

function categoryOf(code: RuleErrorCode): ErrorCategory {
  switch (code) {
    case RuleErrorCode.InvalidRuleTable:
    case RuleErrorCode.RetroactiveChange:
      return 'invalid-argument';
    case RuleErrorCode.StaleTableVersion:
      return 'conflict';
    case RuleErrorCode.NoRuleInForce:
    case RuleErrorCode.UnknownDiseaseGroup:
      return 'failed-precondition';
  }
}

/** Every failure of the rules context, by code: the context's one error class. */
export class RuleError extends AppError {
  constructor(
    code: RuleErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** A table refused whole, every bad row and field named at once. */
  static invalid(violations: readonly FieldViolation[]): RuleError {
    return new RuleError(
      RuleErrorCode.InvalidRuleTable,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
