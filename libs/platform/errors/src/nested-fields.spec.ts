import { AppError, ValidationError } from './app-error';
import { nestedUnder } from './nested-fields';

describe(nestedUnder.name, () => {
  const sut = nestedUnder;

  it('names every refused field from the enclosing request field', async () => {
    const work = () =>
      Promise.resolve().then(() => {
        throw new ValidationError([
          { field: 'covers', reason: 'REQUIRED', description: 'is required' },
          { field: 'sources[0].title', reason: 'REQUIRED', description: 'is required' },
        ]);
      });

    const error = await sut('entry', work).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => v.field)).toEqual([
      'entry.covers',
      'entry.sources[0].title',
    ]);
    expect((error as ValidationError).message).toBe(
      'entry.covers: is required; entry.sources[0].title: is required',
    );
  });

  it('keeps the category, code and metadata of a context error', async () => {
    const refusal = new AppError(
      'already-exists',
      'OVERLAPPING_COVERAGE',
      'I10 is taken',
      [{ field: 'covers[0]', reason: 'OVERLAPPING_COVERAGE', description: 'taken' }],
      { key: 'I10' },
    );

    const error = (await sut('entry', () => Promise.reject(refusal)).catch((e: unknown) => e)) as AppError;

    expect(error).toMatchObject({
      category: 'already-exists',
      code: 'OVERLAPPING_COVERAGE',
      message: 'I10 is taken',
      metadata: { key: 'I10' },
      violations: [{ field: 'entry.covers[0]', reason: 'OVERLAPPING_COVERAGE', description: 'taken' }],
    });
  });

  it('passes results, errors without fields and foreign errors through as they are', async () => {
    const denied = new AppError('permission-denied', 'NOT_ALLOWED', 'no');
    const crash = new Error('boom');

    await expect(sut('entry', () => Promise.resolve(42))).resolves.toBe(42);
    await expect(sut('entry', () => Promise.reject(denied))).rejects.toBe(denied);
    await expect(sut('entry', () => Promise.reject(crash))).rejects.toBe(crash);
  });
});
