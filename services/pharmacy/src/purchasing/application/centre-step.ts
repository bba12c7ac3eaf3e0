import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { type PurchaseOrder } from '../domain/purchase-order';
import { PurchasingError, PurchasingErrorCode } from '../domain/purchasing-error';
import { PurchaseOrderRepository } from '../domain/purchasing.repository';
import { PurchasingAccess } from './purchasing-access.policy';

/**
 * What every write of the purchasing centre does the same way: the caller a group administrator, the group's
 * purchasing locked (so two writes of one group's centre never interleave, and the ledger's sequence has no gap),
 * the change made once per client request; a retry is answered with what the change made, read again.
 */
@Injectable()
export class CentreStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: PurchaseOrderRepository,
    private readonly requests: ClientRequests,
  ) {}

  async run<T>(
    identity: Identity,
    action: string,
    request: ClientRequest,
    work: {
      readonly load: (id: string, groupId: string) => Promise<T | null>;
      readonly create: (groupId: string) => Promise<{ id: string; result: T }>;
    },
  ): Promise<T> {
    const groupId = PurchasingAccess.centre(identity, action);
    return this.uow.run(async () => {
      await this.orders.lockGroup(groupId);
      return this.requests.createOnce(request, {
        load: (id) => work.load(id, groupId),
        create: () => work.create(groupId),
      });
    });
  }

  /** The group's purchase order, NOT_FOUND if there is none of that id in the caller's group. */
  async order(groupId: string, purchaseOrderId: string): Promise<PurchaseOrder> {
    const found = await this.orders.get(purchaseOrderId);
    if (!found || found.groupId !== groupId) {
      throw new PurchasingError(
        PurchasingErrorCode.NotFound,
        `no purchase order ${purchaseOrderId} in your group`,
        'purchaseOrderId',
      );
    }
    return found.order;
  }
}
