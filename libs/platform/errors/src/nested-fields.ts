import { AppError, ValidationError } from './app-error';

/**
 * Runs `work`, which validates a message the request carries in the field
 * `prefix` (e.g. PutCriteria's `entry`), and names any field it refuses from
 * the request's root: `covers[1]` becomes `entry.covers[1]`. A caller fixes
 * the field it sent, not the one the inner code happens to call it.
 */
export async function nestedUnder<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw renamed(prefix, error);
  }
}

function renamed(prefix: string, error: unknown): unknown {
  if (!(error instanceof AppError) || error.violations.length === 0) return error;
  const violations = error.violations.map((v) => ({ ...v, field: `${prefix}.${v.field}` }));
  if (error instanceof ValidationError) return new ValidationError(violations);
  return new AppError(error.category, error.code, error.message, violations, error.metadata);
}
