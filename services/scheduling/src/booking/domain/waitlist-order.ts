import { type Pool, type Priority } from './pool';

export interface WaitingEntry {
  readonly id: string;
  readonly priority: Priority;
  readonly mayTakeReserved: boolean;
  readonly createdAt: Date;
}

/** Green channel first, then contracted residents (三优先), then first come first served. */
export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  return (
    Number(b.priority.greenChannel) - Number(a.priority.greenChannel) ||
    Number(b.priority.contractedResident) - Number(a.priority.contractedResident) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

/** Who gets a freed slot of a pool: the first in order allowed into that pool. */
export function nextInLine<T extends WaitingEntry>(entries: readonly T[], pool: Pool): T | undefined {
  return [...entries].sort(compareWaiting).find((entry) => pool === 'public' || entry.mayTakeReserved);
}
