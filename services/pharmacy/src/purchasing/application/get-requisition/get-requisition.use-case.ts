import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PurchasingError, PurchasingErrorCode } from '../../domain/purchasing-error';
import { RequisitionRepository } from '../../domain/purchasing.repository';
import { type Requisition } from '../../domain/requisition';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type GetRequisitionQuery } from './get-requisition.query';

/** GetRequisition: for the raising institution and its group's purchasing centre; NOT_FOUND to anyone else. */
@Injectable()
export class GetRequisitionUseCase {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async execute(identity: Identity, query: GetRequisitionQuery): Promise<Requisition> {
    const found = await this.requisitions.get(query.requisitionId);
    if (
      !found ||
      !PurchasingAccess.canReadRequisition(identity, found.groupId, found.requisition.institutionId)
    ) {
      throw new PurchasingError(
        PurchasingErrorCode.NotFound,
        `no requisition ${query.requisitionId} you may read`,
        'requisitionId',
      );
    }
    return found.requisition;
  }
}
