import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type OrderSnapshot } from '../../domain/order';
import { OrderStep } from '../order-step';
import { type CancelOrderCommand } from './cancel-order.command';

/** CancelOrder: withdrawn by the ordering site; an open report leaves the centre's worklist with it. */
@Injectable()
export class CancelOrderUseCase {
  constructor(private readonly step: OrderStep) {}

  execute(identity: Identity, command: CancelOrderCommand, now = new Date()): Promise<OrderSnapshot> {
    return this.step.run(
      identity,
      'cancel-order',
      command,
      'cancel this order',
      (order) => order.cancel(command.reason, identity.institutionId ?? '', now),
      now,
    );
  }
}
