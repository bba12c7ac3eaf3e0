import { isConcurrencyConflict } from './concurrency-conflict';

describe(isConcurrencyConflict.name, () => {
  it.each([
    ['a deadlock', { code: '40P01' }],
    ['a serialization failure', { code: '40001' }],
    [
      "TypeORM's QueryFailedError around a deadlock",
      Object.assign(new Error('query failed'), { driverError: { code: '40P01' } }),
    ],
    ['a cause that was one', new Error('the step failed', { cause: { code: '40001' } })],
  ])('is true for %s', (_, error) => expect(isConcurrencyConflict(error)).toBe(true));

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a database that is gone', { code: 'ECONNREFUSED' }],
    ['a plain error', new Error('the slot register did not answer')],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => expect(isConcurrencyConflict(error)).toBe(false));
});
