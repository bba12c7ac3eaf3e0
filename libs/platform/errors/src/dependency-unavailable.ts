import { errorChain } from './error-chain';

/**
 * SQLSTATEs of a database that is gone or not back yet: class 08 (connection exception), 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now ("the database system is starting up").
 */
const DATABASE_GONE = /^(08...|57P0[123])$/;
/** Socket errors of a dependency that does not answer (refused, reset, timed out, unreachable). */
const SOCKET_GONE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** node-postgres says these in words only, without a code. */
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;
/**
 * TypeORM releases a transaction's query runner when its connection fails (the connection's 'error' event), so
 * the transaction's next statement fails with one of these instead of the connection's own error. Our unit of work
 * releases a runner only once its transaction has ended, so inside one they mean the connection went away.
 */
const RUNNER_RELEASED = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * True when the error says a dependency (the database) is unreachable rather than that the request is wrong: the
 * very same request succeeds once it is back. A gRPC caller is told UNAVAILABLE, which clients retry, instead of
 * INTERNAL, which they do not; a consumer keeps the event and waits rather than spending its retries and parking it
 * on the dead-letter topic. Looks through TypeORM's `driverError` and an error's `cause`.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (const { code, message, name } of errorChain(error)) {
    if (typeof code === 'string' && (DATABASE_GONE.test(code) || SOCKET_GONE.has(code))) return true;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
    if (typeof name === 'string' && RUNNER_RELEASED.has(name)) return true;
  }
  return false;
}
