import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What happened when a second transaction came for a lock the first one holds: `holder` takes
 * the lock and keeps it until `letGo` resolves; `waiter` starts meanwhile. A lock that works
 * answers ['released', 'holder done', 'waiter done']: the waiter finished only after the holder
 * let go and finished. A waiter that did not wait shows 'waiter done' before 'released'.
 */
export async function lockOrder(
  holder: (letGo: Promise<void>) => Promise<unknown>,
  waiter: () => Promise<unknown>,
  { settleMs = 50, holdMs = 200 } = {},
): Promise<string[]> {
  const order: string[] = [];
  let release!: () => void;
  const letGo = new Promise<void>((resolve) => (release = resolve));
  const first = holder(letGo).then(() => order.push('holder done'));
  await sleep(settleMs);
  const second = waiter().then(() => order.push('waiter done'));
  await sleep(holdMs);
  order.push('released');
  release();
  await Promise.all([first, second]);
  return order;
}
