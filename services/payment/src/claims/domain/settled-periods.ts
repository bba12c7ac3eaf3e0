/**
 * Whether a claim's date falls in a period its group has settled: a claim or correction dated there is refused
 * (PERIOD_ALREADY_SETTLED). The claims context owns the port; settlement, above it, answers it.
 */
export abstract class SettledPeriods {
  /**
   * Inside the current transaction: waits for a settlement of the group's period of the date in progress (and
   * keeps one from starting until the transaction ends), then answers whether that period is settled. A claim of an
   * institution in no group is never settled.
   */
  abstract isSettled(groupId: string | null, serviceDate: string): Promise<boolean>;
}
