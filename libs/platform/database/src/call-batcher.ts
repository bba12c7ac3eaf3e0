import { histogram } from '@medgrid/telemetry';

/** Items a run carried, by batcher: how much a run's fixed cost (a round trip, a commit, a parse) is shared. */
const batchItems = histogram(
  'medgrid_db_batch_items',
  'Items carried by one run of a named CallBatcher (group commit, batched reads)',
  ['batch'],
  [1, 2, 4, 8, 16, 32, 64, 128, 256],
);

/** The runs a named batcher has made in this process so far and the items they carried, as /metrics counts them. */
export async function batchRuns(name: string): Promise<{ runs: number; items: number }> {
  const series = (await batchItems.get()).values as readonly {
    labels: Record<string, unknown>;
    metricName?: string;
    value: number;
  }[];
  const value = (suffix: string) =>
    series.find(({ labels, metricName }) => labels.batch === name && metricName?.endsWith(suffix))?.value ??
    0;
  return { runs: value('_count'), items: value('_sum') };
}

export interface BatchOptions {
  /** The most items one run takes; more wait for the next. */
  readonly maxBatch: number;
  /** The most runs under way at once (a run of statements holds a pooled connection while it runs). */
  readonly maxInFlight: number;
  /** Names the batcher on /metrics (`medgrid_db_batch_items{batch}`); an unnamed one is not measured. */
  readonly name?: string;
}

const DEFAULTS: BatchOptions = { maxBatch: 200, maxInFlight: 2 };

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Calls made one item at a time, run many items at a time: each caller hands in an item and is
 * answered with its own result once the run that carried it has finished; the items that arrive
 * while the runs under way go on wait and go together in the next one. A caller alone is run at
 * once (after the current turn of the event loop, so those of the same turn join it); under load a
 * run carries as many items as arrived during the one before, and what a run costs whatever its
 * size (a round trip, a commit, a statement's parse and plan) is shared among them. Group commit
 * is this with a write (GroupedInserts): no caller is answered before its batch is committed.
 *
 * A run that fails fails each caller of its batch with its error, and its items are not run again
 * (a retry is the caller's): a run that writes must be all or nothing, such as one statement.
 */
export class CallBatcher<T, R = void> {
  private readonly options: BatchOptions;
  private waiting: Waiting<T, R>[] = [];
  private inFlight = 0;
  /** Items in the runs under way. */
  private running = 0;
  private scheduled = false;
  private readonly sizes: { observe(items: number): void } | undefined;

  constructor(
    /** Runs a batch; answers one result per item, in the items' order. */
    private readonly run: (batch: readonly T[]) => Promise<readonly R[]>,
    options: Partial<BatchOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    if (!(this.options.maxBatch >= 1) || !(this.options.maxInFlight >= 1)) {
      throw new Error('CallBatcher: maxBatch and maxInFlight must be at least 1');
    }
    // Bound once: a run observes without hashing its labels.
    this.sizes = this.options.name === undefined ? undefined : batchItems.labels(this.options.name);
  }

  /** Resolves with the item's result once its batch has run; rejects with the batch's error. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items handed in and not yet answered (waiting or in a run). */
  get pending(): number {
    return this.waiting.length + this.running;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startWrites();
    });
  }

  private startWrites(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch =
        this.waiting.length <= this.options.maxBatch
          ? this.waiting
          : this.waiting.slice(0, this.options.maxBatch);
      this.waiting = batch === this.waiting ? [] : this.waiting.slice(this.options.maxBatch);
      this.inFlight += 1;
      this.running += batch.length;
      this.sizes?.observe(batch.length);
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: readonly Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) {
        throw new Error(`CallBatcher: a run of ${batch.length} items answered ${results.length} results`);
      }
      batch.forEach((waiting, index) => waiting.resolve(results[index]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.inFlight -= 1;
      this.running -= batch.length;
      this.schedule();
    }
  }
}
