/** One dependency the service needs before it can take traffic. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves with a problem description, or null when the dependency is fine. */
  check(): Promise<string | null>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; problem?: string }>;
}

/** Runs every check with a timeout; ready only when all pass. */
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
        return [c.name, problem] as const;
      } catch (error) {
        return [c.name, (error as Error).message] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report: ReadinessReport = { ready: true, checks: {} };
  for (const [name, problem] of results) {
    report.checks[name] = problem === null ? { ok: true } : { ok: false, problem };
    if (problem !== null) report.ready = false;
  }
  return report;
}
