import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { RequisitionRepository } from '../../domain/purchasing.repository';
import { type Requisition } from '../../domain/requisition';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type ListRequisitionsQuery } from './list-requisitions.query';

export const LIST_REQUISITIONS_MAX = 500;

/** ListRequisitions: newest first, at most 500: an institution's own, or every one of the group for its centre. */
@Injectable()
export class ListRequisitionsUseCase {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async execute(identity: Identity, query: ListRequisitionsQuery): Promise<Requisition[]> {
    if (identity.role === 'group-admin') {
      const groupId = PurchasingAccess.centre(identity, 'list requisitions');
      return this.requisitions.list(groupId, null, query.status, LIST_REQUISITIONS_MAX);
    }
    const caller = PurchasingAccess.requisitioner(identity);
    return this.requisitions.list(caller.groupId, caller.institutionId, query.status, LIST_REQUISITIONS_MAX);
  }
}
