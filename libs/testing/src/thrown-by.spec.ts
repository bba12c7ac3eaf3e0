import { thrownBy } from './thrown-by';

class StepError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

describe(thrownBy.name, () => {
  const sut = thrownBy;

  it('answers the error of the type thrown', () => {
    const thrown = sut(StepError, () => {
      throw new StepError('ILLEGAL_STEP');
    });

    expect(thrown.code).toBe('ILLEGAL_STEP');
  });

  it('rethrows an error of another type', () => {
    const crash = new Error('boom');

    expect(() =>
      sut(StepError, () => {
        throw crash;
      }),
    ).toThrow(crash);
  });

  it('fails when nothing is thrown', () => {
    expect(() => sut(StepError, () => 42)).toThrow('expected StepError to be thrown, and nothing was');
  });
});
