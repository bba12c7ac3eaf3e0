import { type Logger } from '@medgrid/logging';
import { PeriodicTask } from './periodic-task';

class FlakyTask extends PeriodicTask {
  ticks = 0;

  constructor(logger: Logger) {
    super(logger, 'flaky task failed; retrying next interval');
  }

  protected intervalMs(): number {
    return 10;
  }

  protected override runsAtStart(): boolean {
    return true;
  }

  protected tick(): Promise<void> {
    this.ticks++;
    return this.ticks === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
  }
}

describe(PeriodicTask.name, () => {
  it('logs a failed tick with the task’s message and ticks again at the next interval', async () => {
    const error = jest.fn();
    const sut = new FlakyTask({ error } as unknown as Logger);

    sut.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sut.onApplicationShutdown();

    expect(error).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: 'database away' }) as Error },
      'flaky task failed; retrying next interval',
    );
    expect(error).toHaveBeenCalledTimes(1);
    expect(sut.ticks).toBeGreaterThan(1);
  });
});
