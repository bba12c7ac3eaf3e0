import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { aggregateRequisitions, type PurchaseOrder } from '../../domain/purchase-order';
import { PurchasingEventPublisher } from '../../domain/purchasing-event-publisher';
import { PurchaseOrderRepository, RequisitionRepository } from '../../domain/purchasing.repository';
import { CentreStep } from '../centre-step';
import { type PlacePurchaseOrdersCommand } from './place-purchase-orders.command';

export interface Placement {
  readonly orders: readonly PurchaseOrder[];
  readonly unorderable: readonly { readonly requisitionId: string; readonly drugCode: string }[];
}

/**
 * PlacePurchaseOrders: the purchasing centre aggregates every open requisition of its group into one purchase order
 * per supplier (the catalogue's supplier of each drug), a line per drug at the price in force now (the volume-based
 * bid, the group's unified price otherwise); each requisition is marked ordered, and each order announced as
 * PurchaseOrderPlaced. A retry answers the orders the first attempt placed.
 */
@Injectable()
export class PlacePurchaseOrdersUseCase {
  constructor(
    private readonly step: CentreStep,
    private readonly requisitions: RequisitionRepository,
    private readonly orders: PurchaseOrderRepository,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly events: PurchasingEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: PlacePurchaseOrdersCommand,
    now = new Date(),
  ): Promise<Placement> {
    return this.step.run(
      identity,
      'place purchase orders',
      clientRequestOf('place-purchase-orders', command),
      {
        // Lines left unordered are told once, by the first answer.
        load: async (id) => ({ orders: await this.orders.placedBy(id), unorderable: [] }),
        create: async (groupId) => {
          const placementId = uuidv7();
          const open = await this.requisitions.open(groupId);
          const codes = [...new Set(open.flatMap((r) => r.lines.map((line) => line.drugCode)))];
          const catalogue = await this.catalogues.part(groupId, { codes });
          const { orders, unorderable } = aggregateRequisitions(open, catalogue, now, uuidv7);
          await this.orders.add(groupId, placementId, orders);
          for (const requisition of open) await this.requisitions.update(requisition);
          await this.events.ordersPlaced(groupId, orders, identity.subject);
          return { id: placementId, result: { orders, unorderable } };
        },
      },
    );
  }
}
