import { AppError, type FieldViolation, ValidationError } from '@medgrid/errors';
import { type ClaimSubmission } from '../domain/claim-submission';

/** A claim as the caller sends it: everything but its institution and level, which the registry tells. */
export type ClaimContent = Omit<ClaimSubmission, 'institutionId' | 'institutionLevel'>;

/** The request's names of the domain's fields that the request carries another way. */
const CARRIED_AS: Readonly<Record<string, string>> = {
  'encounter.kind': 'encounter',
  'encounter.days': 'inpatientDays',
};

/**
 * Runs `work` and names every field it refuses as the request carried it: under `prefix` (`claim`, `claims[3]`),
 * the encounter's kind and days as the request's `encounter` and `inpatientDays`; the fields in `topLevel` (a
 * correction's `fromVersion` and `reason`) stay at the root.
 */
export async function asCarried<T>(
  prefix: string,
  work: () => Promise<T>,
  topLevel: readonly string[] = [],
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.violations.length === 0) throw error;
    const violations: FieldViolation[] = error.violations.map((v) => ({
      ...v,
      field: topLevel.includes(v.field) ? v.field : `${prefix}.${CARRIED_AS[v.field] ?? v.field}`,
    }));
    if (error instanceof ValidationError) throw new ValidationError(violations);
    throw new AppError(error.category, error.code, error.message, violations, error.metadata);
  }
}
