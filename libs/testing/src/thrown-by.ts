/**
 * The error of `type` that `act` throws, for a test to read its code, category and violations. Anything else
 * thrown (a crash, another context's error) is rethrown, and throwing nothing fails, so a test of a refusal cannot
 * pass on the wrong failure or on none.
 */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, act: () => unknown): E {
  try {
    act();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name} to be thrown, and nothing was`);
}
