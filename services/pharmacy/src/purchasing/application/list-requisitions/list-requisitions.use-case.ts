import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { RequisitionRepository } from '../../domain/purchasing.repository';
import { type Requisition } from '../../domain/requisition';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type ListRequisitionsQuery } from './list-requisitions.query';

export interface RequisitionPage {
  readonly requisitions: Requisition[];
  /** '' on the last page. */
  readonly nextPageToken: string;
}

/**
 * ListRequisitions: newest raised first (ties by id), a page at a time: an institution's own, or every one of the
 * group for its centre. The order is on the rows' own raised-at and id, so a requisition raised while paging never
 * shifts or repeats the pages after the caller's place.
 */
@Injectable()
export class ListRequisitionsUseCase {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async execute(identity: Identity, query: ListRequisitionsQuery): Promise<RequisitionPage> {
    const scope =
      identity.role === 'group-admin'
        ? { groupId: PurchasingAccess.centre(identity, 'list requisitions'), institutionId: null }
        : PurchasingAccess.requisitioner(identity);
    const rows = await this.requisitions.list(scope.groupId, scope.institutionId, query.status, query.page);
    const { items, nextPageToken } = pageOf(rows, query.page, (r) => [r.raisedAt.getTime(), r.id]);
    return { requisitions: items, nextPageToken };
  }
}
