import { type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from '@medgrid/logging';

/**
 * A timer adapter's lifecycle: runs `tick` every `intervalMs()`, never two
 * ticks at once, and lets the running tick finish at shutdown. A failed tick
 * is logged with the task's own message; the next interval is the retry.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    protected readonly logger: Logger,
    private readonly failureMessage: string,
  ) {}

  protected abstract intervalMs(): number;
  protected abstract tick(): Promise<void>;
  /** Whether the first tick runs at start instead of one interval later. */
  protected runsAtStart(): boolean {
    return false;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runOnce(), this.intervalMs());
    this.timer.unref();
    if (this.runsAtStart()) this.runOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    if (!this.running) {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, this.failureMessage))
        .finally(() => (this.running = null));
    }
  }
}
