import { lockOrder } from './lock-order';

describe(lockOrder.name, () => {
  it('shows a waiter that waited for the holder finishing after it', async () => {
    let held: Promise<void> = Promise.resolve();
    const sut = await lockOrder(
      (letGo, locked) => {
        held = letGo;
        locked();
        return letGo;
      },
      () => held,
      { holdMs: 20 },
    );

    expect(sut).toEqual(['released', 'holder done', 'waiter done']);
  });

  it('shows a waiter that did not wait finishing before the release', async () => {
    const sut = await lockOrder(
      (letGo, locked) => {
        locked();
        return letGo;
      },
      () => Promise.resolve(),
      { holdMs: 20 },
    );

    expect(sut).toEqual(['waiter done', 'released', 'holder done']);
  });

  it('starts the waiter only once the holder holds the lock', async () => {
    const events: string[] = [];

    await lockOrder(
      async (letGo, locked) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push('locked');
        locked();
        await letGo;
      },
      () => Promise.resolve(events.push('waiter started')),
      { holdMs: 5 },
    );

    expect(events).toEqual(['locked', 'waiter started']);
  });
});
