import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { availabilityChangesAnnounced } from '../../domain/formulary-announcements';
import { FormularyEventPublisher } from '../../domain/formulary-event-publisher';
import { FormularyRepository } from '../../domain/formulary.repository';
import { type StockMovement } from '../../domain/stock-balance';
import { FormularyStep } from '../formulary-step';
import { type RecordStockMovementCommand } from './record-stock-movement.command';

/**
 * RecordStockMovement: packs of a drug on the institution's formulary received or issued. An issue beyond what is on
 * hand is refused whole (INSUFFICIENT_STOCK): stock never goes negative. Moves of one institution queue on its
 * formulary's lock, so two issues racing for the last packs cannot both succeed. A move that runs the drug out or
 * brings it back into stock is announced as FormularyChanged.
 */
@Injectable()
export class RecordStockMovementUseCase {
  constructor(
    private readonly step: FormularyStep,
    private readonly formularies: FormularyRepository,
    private readonly events: FormularyEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: RecordStockMovementCommand,
    now = new Date(),
  ): Promise<StockMovement> {
    const caller = await this.step.caller(identity, "move an institution's stock");
    return this.step.run(caller, clientRequestOf('record-stock-movement', command), {
      // A retry answers the movement as the balance stands now (its after-balance is not kept by request).
      answer: async () => {
        const balance = await this.formularies.balance(caller.institutionId, command.drugCode);
        return {
          institutionId: caller.institutionId,
          drugCode: command.drugCode,
          kind: command.kind,
          quantity: command.quantity,
          onHandAfter: balance.onHand,
          reason: command.reason,
          at: now,
        };
      },
      change: async (formulary) => {
        formulary.checkStocks(command.drugCode, 'drugCode');
        const balance = await this.formularies.balance(caller.institutionId, command.drugCode);
        const [after, movement] =
          command.kind === 'issued'
            ? balance.issue(command.quantity, command.reason, now)
            : balance.receive(command.quantity, command.reason, now);
        await this.formularies.saveMovement(after, movement);
        await this.events.itemsChanged(
          availabilityChangesAnnounced(caller.groupId, [movement], () => true),
          identity.subject,
        );
        return movement;
      },
    });
  }
}
