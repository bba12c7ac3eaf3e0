import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { type Fen } from '../../../common/fen';
import { type PurchaseOrder } from '../../domain/purchase-order';
import { PurchaseOrderRepository, SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { CentreStep } from '../centre-step';
import { type ReceiveDeliveryCommand } from './receive-delivery.command';

export interface DeliveryReceived {
  readonly order: PurchaseOrder;
  /** What the delivery is owed its supplier, in fen. */
  readonly owedFen: Fen;
}

function owedFor(order: PurchaseOrder, deliveryId: string): Fen {
  return order.lines
    .flatMap((line) => line.receipts)
    .filter((receipt) => receipt.deliveryId === deliveryId)
    .reduce((sum, receipt) => sum + receipt.quantity * receipt.unitPriceFen, 0);
}

/**
 * ReceiveDelivery: the purchasing centre receives a supplier's delivery note against an open purchase order, whole
 * or not at all: a line beyond what was ordered (DELIVERY_EXCEEDS_ORDER), a drug not on the order, a substitute of
 * another generic or form, a quantity not a whole positive number is refused naming the line, and nothing changes. A
 * delivery received is owed its supplier at the order's prices, on the group's settlement ledger.
 */
@Injectable()
export class ReceiveDeliveryUseCase {
  constructor(
    private readonly step: CentreStep,
    private readonly orders: PurchaseOrderRepository,
    private readonly ledgers: SettlementLedgerRepository,
    private readonly catalogues: DrugCatalogueRepository,
  ) {}

  async execute(
    identity: Identity,
    command: ReceiveDeliveryCommand,
    now = new Date(),
  ): Promise<DeliveryReceived> {
    return this.step.run(identity, 'receive deliveries', clientRequestOf('receive-delivery', command), {
      load: async (_id, groupId) => {
        const order = await this.step.order(groupId, command.purchaseOrderId);
        return { order, owedFen: owedFor(order, command.deliveryId) };
      },
      create: async (groupId) => {
        const order = await this.step.order(groupId, command.purchaseOrderId);
        const codes = [
          ...new Set([
            ...order.lines.map((line) => line.drugCode),
            ...command.lines.map((line) => line.drugCode),
          ]),
        ];
        const catalogue = await this.catalogues.part(groupId, { codes });
        const delivery = order.receive(
          { deliveryId: command.deliveryId, lines: command.lines },
          catalogue,
          now,
        );
        const ledger = await this.ledgers.load(groupId, {
          suppliers: [delivery.supplier],
          deliveryIds: [delivery.deliveryId],
        });
        const entries = ledger.recordDelivery(delivery);
        await this.orders.update(order);
        await this.orders.addDelivery(groupId, delivery);
        await this.ledgers.append(groupId, entries);
        return { id: order.id, result: { order, owedFen: owedFor(order, command.deliveryId) } };
      },
    });
  }
}
