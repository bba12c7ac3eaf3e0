import { metricsRegistry } from '@medgrid/telemetry';
import { batchRuns, CallBatcher } from './call-batcher';

/** A write whose every call is held until the test lets it finish or fail. */
function heldWrites<T>() {
  const calls: { batch: T[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const write = (batch: readonly T[]) =>
    new Promise<void[]>((resolve, reject) => {
      calls.push({ batch: [...batch], finish: () => resolve(batch.map(() => undefined)), fail: reject });
    });
  return { calls, write };
}

/** Lets the scheduled write start (it waits for the end of the current turn) and the answers settle. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each promise's outcome as it stands now. */
function watch(promises: Promise<void>[]) {
  const outcomes: (string | undefined)[] = promises.map(() => undefined);
  promises.forEach((promise, index) => {
    promise.then(
      () => (outcomes[index] = 'written'),
      (error: Error) => (outcomes[index] = `failed: ${error.message}`),
    );
  });
  return outcomes;
}

describe(CallBatcher.name, () => {
  it('writes the callers of one turn together and answers none before their write has finished', async () => {
    const { calls, write } = heldWrites<string>();
    const sut = new CallBatcher(write);

    const outcomes = watch([sut.add('a'), sut.add('b'), sut.add('c')]);
    await turn();

    expect(calls.map((call) => call.batch)).toEqual([['a', 'b', 'c']]);
    expect(outcomes).toEqual([undefined, undefined, undefined]);
    calls[0]!.finish();
    await turn();
    expect(outcomes).toEqual(['written', 'written', 'written']);
    expect(sut.pending).toBe(0);
  });

  it('gathers the callers that arrive while the writes run into the next write, after one finishes', async () => {
    const { calls, write } = heldWrites<number>();
    const sut = new CallBatcher(write, { maxInFlight: 1 });

    const first = watch([sut.add(1)]);
    await turn();
    const later = watch([sut.add(2), sut.add(3)]);
    await turn();
    expect(calls.map((call) => call.batch)).toEqual([[1]]);
    expect(sut.pending).toBe(3);

    calls[0]!.finish();
    await turn();
    await turn();
    expect(first).toEqual(['written']);
    expect(later).toEqual([undefined, undefined]);
    expect(calls.map((call) => call.batch)).toEqual([[1], [2, 3]]);

    calls[1]!.finish();
    await turn();
    expect(later).toEqual(['written', 'written']);
  });

  it('runs up to maxInFlight writes at once, each of at most maxBatch items', async () => {
    const { calls, write } = heldWrites<number>();
    const sut = new CallBatcher(write, { maxBatch: 2, maxInFlight: 2 });

    watch([1, 2, 3, 4, 5].map((n) => sut.add(n)));
    await turn();
    expect(calls.map((call) => call.batch)).toEqual([
      [1, 2],
      [3, 4],
    ]);

    calls[1]!.finish();
    await turn();
    await turn();
    expect(calls.map((call) => call.batch)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('measures the items of each run of a named batcher, and none of an unnamed one', async () => {
    const { calls, write } = heldWrites<number>();
    const sut = new CallBatcher(write, { maxBatch: 2, maxInFlight: 2, name: 'spec-batches' });
    const unnamed = new CallBatcher(heldWrites<number>().write);
    watch([1, 2, 3].map((n) => sut.add(n)));
    watch([1, 2].map((n) => unnamed.add(n)));
    await turn();

    expect(calls.map((call) => call.batch)).toEqual([[1, 2], [3]]);
    const { runs, items } = await batchRuns('spec-batches');
    expect([runs, items]).toEqual([2, 3]);
    const batches = (await metricsRegistry.getSingleMetric('medgrid_db_batch_items')!.get()).values;
    expect(new Set(batches.map(({ labels }) => labels.batch))).toEqual(new Set(['spec-batches']));
  });

  it('fails each caller of a failed write with its error, and writes none of its items again', async () => {
    const { calls, write } = heldWrites<string>();
    const sut = new CallBatcher(write, { maxInFlight: 1 });

    const failed = watch([sut.add('a'), sut.add('b')]);
    await turn();
    const next = watch([sut.add('c')]);
    calls[0]!.fail(new Error('check constraint'));
    await turn();
    await turn();

    expect(failed).toEqual(['failed: check constraint', 'failed: check constraint']);
    expect(calls.map((call) => call.batch)).toEqual([['a', 'b'], ['c']]);
    calls[1]!.finish();
    await turn();
    expect(next).toEqual(['written']);
    expect(sut.pending).toBe(0);
  });

  it("answers each caller with its own item's result", async () => {
    const sut = new CallBatcher((batch: readonly number[]) => Promise.resolve(batch.map((n) => n * 10)));

    expect(await Promise.all([sut.add(1), sut.add(2), sut.add(3)])).toEqual([10, 20, 30]);
  });

  it('fails the callers of a run that answers a result too few', async () => {
    const sut = new CallBatcher((batch: readonly number[]) => Promise.resolve(batch.slice(1)));

    await expect(Promise.all([sut.add(1), sut.add(2)])).rejects.toThrow(/2 items answered 1 results/);
  });

  it('refuses batches or writes of fewer than one', () => {
    expect(() => new CallBatcher(() => Promise.resolve([]), { maxBatch: 0 })).toThrow(/at least 1/);
    expect(() => new CallBatcher(() => Promise.resolve([]), { maxInFlight: 0 })).toThrow(/at least 1/);
  });
});
