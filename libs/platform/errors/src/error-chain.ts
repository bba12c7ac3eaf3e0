/** What the database and socket classifiers read of one error of a chain. */
export interface ChainedError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
}

/**
 * An error and the errors it wraps, outermost first: TypeORM keeps the driver's error in `driverError`, others in
 * `cause`. At most four deep, so a cycle ends.
 */
export function* errorChain(error: unknown): Generator<ChainedError> {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Object; depth++) {
    yield current;
    const { driverError, cause } = current as { driverError?: unknown; cause?: unknown };
    current = driverError ?? cause;
  }
}
