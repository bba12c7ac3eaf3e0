import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ChannelWaiters, UnitOfWork } from '@medgrid/database';
import { type Logger, LOGGER } from '@medgrid/logging';
import { OUTBOX_CHANNEL } from '@medgrid/messaging';
import { ReferralChangeNotices } from '../../application/referral-change-notices';

/**
 * Every change of a referral commits its history entry with its event in the outbox (ReferralWriter), and the
 * outbox's insert notifies OUTBOX_CHANNEL when that transaction commits: one listening connection of this process
 * hears it, whichever replica made the change, and wakes every watching stream at once.
 */
@Injectable()
export class OutboxReferralChangeNotices
  extends ReferralChangeNotices
  implements OnModuleInit, OnModuleDestroy
{
  private readonly waiters: ChannelWaiters;

  constructor(uow: UnitOfWork, @Inject(LOGGER) logger: Logger) {
    super();
    this.waiters = new ChannelWaiters(uow.dataSource, OUTBOX_CHANNEL, (error) =>
      logger.warn({ err: error }, 'not listening for referral changes; watchers poll until it listens again'),
    );
  }

  onModuleInit(): void {
    this.waiters.start();
  }

  onModuleDestroy(): void {
    this.waiters.stop();
  }

  next(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return this.waiters.next(timeoutMs, signal);
  }
}
