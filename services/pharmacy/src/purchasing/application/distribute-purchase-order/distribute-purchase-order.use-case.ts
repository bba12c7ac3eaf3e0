import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { isInstitutionLevel } from '../../../common/institution-level';
import { availabilityChangesAnnounced } from '../../../formulary/domain/formulary-announcements';
import { type Formulary } from '../../../formulary/domain/formulary';
import { FormularyEventPublisher } from '../../../formulary/domain/formulary-event-publisher';
import { FormularyRepository } from '../../../formulary/domain/formulary.repository';
import { StockBalance } from '../../../formulary/domain/stock-balance';
import { StockBook } from '../../../formulary/domain/stock-book';
import { planDistribution, receiptMoves } from '../../domain/distribution';
import { PurchasingError, PurchasingErrorCode } from '../../domain/purchasing-error';
import { PurchasingEventPublisher } from '../../domain/purchasing-event-publisher';
import { type DistributionRecord, PurchaseOrderRepository } from '../../domain/purchasing.repository';
import { CentreStep } from '../centre-step';
import { type DistributePurchaseOrderCommand } from './distribute-purchase-order.command';

/**
 * DistributePurchaseOrder (统一配送): the centre closes a purchase order (each line delivered short recorded as a
 * shortage) and gives what it received to the requisitions it was ordered for, the earliest raised first, a
 * substitute as itself; a requisition given less records its shortfall. The packs go into each institution's stock
 * in one step, every institution's formulary locked in turn (by id, so two distributions cannot deadlock) as its own
 * moves are, so stock stays whole and never negative whatever races it. Distributed once (a second attempt is
 * PURCHASE_ORDER_CLOSED), and announced as PurchaseOrderDistributed; each institution's drug the packs bring back
 * into stock is announced as FormularyChanged.
 */
@Injectable()
export class DistributePurchaseOrderUseCase {
  constructor(
    private readonly step: CentreStep,
    private readonly orders: PurchaseOrderRepository,
    private readonly formularies: FormularyRepository,
    private readonly registry: RegistryView,
    private readonly events: PurchasingEventPublisher,
    private readonly formularyEvents: FormularyEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: DistributePurchaseOrderCommand,
    now = new Date(),
  ): Promise<DistributionRecord> {
    return this.step.run(
      identity,
      'distribute deliveries',
      clientRequestOf('distribute-purchase-order', command),
      {
        load: (id) => this.orders.distribution(id),
        create: async (groupId) => {
          const order = await this.step.order(groupId, command.purchaseOrderId);
          const shortages = order.close(now);
          const plan = planDistribution(order);
          const moves = receiptMoves(plan);
          const institutionIds = [...new Set(moves.map((move) => move.institutionId))].sort();
          const formularies = new Map<string, Formulary>();
          for (const institutionId of institutionIds) {
            formularies.set(institutionId, await this.lockFormulary(institutionId));
          }
          const keys = [...new Map(moves.map((m) => [`${m.institutionId}/${m.drugCode}`, m])).values()];
          const book = new StockBook(
            await Promise.all(keys.map((m) => this.formularies.balance(m.institutionId, m.drugCode))),
          );
          const movements = book.apply(moves, now);
          for (const movement of movements) {
            await this.formularies.saveMovement(
              StockBalance.restore(movement.institutionId, movement.drugCode, movement.onHandAfter),
              movement,
            );
          }
          await this.formularyEvents.itemsChanged(
            availabilityChangesAnnounced(groupId, movements, (institutionId, drugCode) =>
              Boolean(formularies.get(institutionId)?.stocks(drugCode)),
            ),
            identity.subject,
          );
          const distribution: DistributionRecord = {
            purchaseOrderId: order.id,
            supplier: order.supplier,
            allocations: plan.allocations,
            shortfalls: plan.shortfalls,
            shortages,
            distributedAt: now,
          };
          await this.orders.update(order);
          await this.orders.addDistribution(groupId, distribution);
          await this.events.distributed(groupId, distribution, identity.subject);
          return { id: order.id, result: distribution };
        },
      },
    );
  }

  /** Takes the institution's formulary lock, as its own stock moves do. */
  private async lockFormulary(institutionId: string): Promise<Formulary> {
    const institution = await this.registry.institution(institutionId);
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new PurchasingError(
        PurchasingErrorCode.InstitutionNotKnown,
        `the registry no longer knows institution ${institutionId}`,
      );
    }
    return this.formularies.load(institutionId, institution.level, true);
  }
}
