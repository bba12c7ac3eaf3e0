import { lockOrder } from './lock-order';

describe(lockOrder.name, () => {
  it('shows a waiter that waited for the holder finishing after it', async () => {
    let held: Promise<void> = Promise.resolve();
    const sut = await lockOrder(
      (letGo) => (held = letGo),
      () => held,
      { settleMs: 5, holdMs: 20 },
    );

    expect(sut).toEqual(['released', 'holder done', 'waiter done']);
  });

  it('shows a waiter that did not wait finishing before the release', async () => {
    const sut = await lockOrder(
      (letGo) => letGo,
      () => Promise.resolve(),
      { settleMs: 5, holdMs: 20 },
    );

    expect(sut).toEqual(['waiter done', 'released', 'holder done']);
  });
});
