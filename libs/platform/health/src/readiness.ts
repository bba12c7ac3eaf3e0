/** One dependency the service needs before it can take traffic. */
export interface ReadinessCheck {
  readonly name: string;
  /**
   * False for a part the service serves without (its Kafka consumer still joining its group): reported with its
   * problem, so an operator sees what is not yet ready, but it never holds the service out of traffic.
   */
  readonly required?: boolean;
  /** Resolves with a problem description, or null when the dependency is fine. */
  check(): Promise<string | null>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; problem?: string; required?: false }>;
}

/** Runs every check with a timeout; ready only when every required one passes. */
export async function evaluateReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 2000,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
      });
      try {
        const problem = await Promise.race([c.check(), timeout]);
        return [c, problem] as const;
      } catch (error) {
        return [c, (error as Error).message] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report: ReadinessReport = { ready: true, checks: {} };
  for (const [{ name, required = true }, problem] of results) {
    report.checks[name] = {
      ...(problem === null ? { ok: true } : { ok: false, problem }),
      ...(required ? {} : { required: false as const }),
    };
    if (problem !== null && required) report.ready = false;
  }
  return report;
}
