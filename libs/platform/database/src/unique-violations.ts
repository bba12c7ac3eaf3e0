import { QueryFailedError } from 'typeorm';

/** The constraint a failed INSERT/UPDATE violated, when it was a unique violation (SQLSTATE 23505). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}

/** Runs a write and turns the named unique violations into domain errors. */
export async function mapUniqueViolations<T>(
  write: () => Promise<T>,
  errors: Record<string, () => Error>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    const make = constraint ? errors[constraint] : undefined;
    throw make ? make() : error;
  }
}
