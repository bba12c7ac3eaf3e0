import { isDependencyUnavailable } from './dependency-unavailable';
import { AppError } from './app-error';

/** What node-postgres and TypeORM threw while the chaos suite's PostgreSQL was down or starting. */
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const named = (name: string) => Object.assign(new Error('Query runner already released'), { name });

describe(isDependencyUnavailable.name, () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a server shut down by the administrator (57P01)', withCode('terminating connection', '57P01')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      "TypeORM's QueryFailedError around one",
      Object.assign(new Error('read ECONNRESET'), { driverError: withCode('read ECONNRESET', 'ECONNRESET') }),
    ],
    ['an error caused by one', new Error('save failed', { cause: withCode('connect', 'ECONNREFUSED') })],
    // TypeORM's errors name themselves after their class; the suite met both when PostgreSQL died mid-transaction.
    ['a query runner TypeORM released as its connection failed', named('QueryRunnerAlreadyReleasedError')],
    ["that runner's connection, used after", named('QueryRunnerProviderAlreadyReleasedError')],
  ])('is true for %s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('duplicate key value', '23505')],
    ['a bad date cast (22008)', withCode('date/time field value out of range', '22008')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an AppError', new AppError('not-found', 'REFERRAL_NOT_FOUND', 'no such referral')],
    ['not an error at all', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
