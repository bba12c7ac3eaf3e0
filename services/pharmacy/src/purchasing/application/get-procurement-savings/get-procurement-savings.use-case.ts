import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ProcurementSavings, procurementSavings } from '../../domain/procurement-savings';
import { PurchaseOrderRepository } from '../../domain/purchasing.repository';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type GetProcurementSavingsQuery } from './get-procurement-savings.query';

/**
 * GetProcurementSavings: what the deliveries the group's centre received in a period saved against listed prices
 * (packs × (list − paid)), and the purchase orders they came from; for the group's centre.
 */
@Injectable()
export class GetProcurementSavingsUseCase {
  constructor(private readonly orders: PurchaseOrderRepository) {}

  async execute(identity: Identity, query: GetProcurementSavingsQuery): Promise<ProcurementSavings> {
    const groupId = PurchasingAccess.centre(identity, 'read procurement savings');
    return procurementSavings(await this.orders.deliveries(groupId, query.from, query.to));
  }
}
