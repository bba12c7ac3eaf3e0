/**
 * The [field, reason] of each field violation the refusal `act` throws carries, in order; none
 * when it throws nothing. Anything else thrown (a crash, an error without violations) is
 * rethrown, so a test of a refusal cannot pass on the wrong failure.
 */
export function refusedFields(act: () => unknown): [string, string][] {
  try {
    act();
  } catch (error) {
    const violations = (error as { violations?: unknown }).violations;
    if (!Array.isArray(violations) || violations.length === 0) throw error;
    return (violations as { field: string; reason: string }[]).map((v) => [v.field, v.reason]);
  }
  return [];
}
