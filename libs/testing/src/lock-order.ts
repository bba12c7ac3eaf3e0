import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What happened when a second transaction came for a lock the first one holds: `holder` takes
 * the lock, says so with `locked()`, and keeps it until `letGo` resolves; `waiter` starts once
 * the lock is held. A lock that works answers ['released', 'holder done', 'waiter done']: the
 * waiter finished only after the holder let go and finished. A waiter that did not wait shows
 * 'waiter done' before 'released'.
 */
export async function lockOrder(
  holder: (letGo: Promise<void>, locked: () => void) => Promise<unknown>,
  waiter: () => Promise<unknown>,
  { holdMs = 200 } = {},
): Promise<string[]> {
  const order: string[] = [];
  let release!: () => void;
  const letGo = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const first = holder(letGo, locked).then(() => order.push('holder done'));
  // A holder that fails before it holds the lock must not leave the test waiting.
  await Promise.race([holding, first]);
  const second = waiter().then(() => order.push('waiter done'));
  await sleep(holdMs);
  order.push('released');
  release();
  await Promise.all([first, second]);
  return order;
}
