export { AppError, ValidationError } from './app-error';
export { type ErrorCategory } from './error-category';
export { isConcurrencyConflict } from './concurrency-conflict';
export { isDependencyUnavailable } from './dependency-unavailable';
export { isUuid } from './uuid';
export { type FieldViolation } from './field-violation';
export { nestedUnder } from './nested-fields';
export {
  exactlyOneOf,
  fieldPath,
  fieldViolationsOf,
  pageFields,
  parseFields,
  type Refusal,
  refusal,
  requestField,
} from './request-fields';
