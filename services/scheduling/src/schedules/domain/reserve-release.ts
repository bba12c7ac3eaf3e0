/**
 * Reserved slots nobody took by the lead time before a session go to the
 * public pool: capacity sent down must not be wasted (docs/domain.md).
 */
export function releaseDueAt(startsAt: Date, leadHours: number): Date {
  return new Date(startsAt.getTime() - leadHours * 3_600_000);
}

export function isReleaseDue(startsAt: Date, leadHours: number, now: Date): boolean {
  return now >= releaseDueAt(startsAt, leadHours);
}
