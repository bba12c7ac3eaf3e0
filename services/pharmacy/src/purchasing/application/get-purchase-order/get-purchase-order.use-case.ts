import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type PurchaseOrder } from '../../domain/purchase-order';
import { CentreStep } from '../centre-step';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type GetPurchaseOrderQuery } from './get-purchase-order.query';

/** GetPurchaseOrder: for the group's purchasing centre. */
@Injectable()
export class GetPurchaseOrderUseCase {
  constructor(private readonly step: CentreStep) {}

  async execute(identity: Identity, query: GetPurchaseOrderQuery): Promise<PurchaseOrder> {
    const groupId = PurchasingAccess.centre(identity, 'read purchase orders');
    return this.step.order(groupId, query.purchaseOrderId);
  }
}
