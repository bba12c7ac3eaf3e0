/** Raised at boot when a variable is missing or malformed; names every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly { variable: string; reason: string }[],
  ) {
    super(
      `${service}: invalid configuration:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
