import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the catalogue context that a request can break; the code names the rule. */
export enum CatalogueErrorCode {
  InvalidDrug = 'INVALID_CATALOGUE_DRUG',
  DuplicateDrug = 'DUPLICATE_CATALOGUE_DRUG',
  UnknownDrug = 'UNKNOWN_DRUG',
  RetroactiveChange = 'RETROACTIVE_CATALOGUE_CHANGE',
  StaleCatalogueVersion = 'STALE_CATALOGUE_VERSION',
  Forbidden = 'CATALOGUE_ACCESS_DENIED',
  GroupRequired = 'CATALOGUE_GROUP_REQUIRED',
}

function categoryOf(code: CatalogueErrorCode): ErrorCategory {
  switch (code) {
    case CatalogueErrorCode.InvalidDrug:
    case CatalogueErrorCode.UnknownDrug:
    case CatalogueErrorCode.RetroactiveChange:
    case CatalogueErrorCode.GroupRequired:
      return 'invalid-argument';
    case CatalogueErrorCode.DuplicateDrug:
      return 'already-exists';
    case CatalogueErrorCode.StaleCatalogueVersion:
      return 'conflict';
    case CatalogueErrorCode.Forbidden:
      return 'permission-denied';
  }
}

/** Every failure of the catalogue context, by code: the context's one error class. */
export class CatalogueError extends AppError {
  constructor(
    code: CatalogueErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Several fields broken at once: a load reports every bad drug together. */
  static invalid(violations: readonly FieldViolation[]): CatalogueError {
    return new CatalogueError(
      CatalogueErrorCode.InvalidDrug,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
