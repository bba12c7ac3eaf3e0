import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationBatchRepository } from '../../domain/sterilisation-batch.repository';
import { SterilisationAccess } from '../sterilisation-access.policy';
import { type GetSterilisationBatchQuery } from './get-sterilisation-batch.query';

/** GetBatch: for the sending site, the centre's host, the group's administrator and city operators. */
@Injectable()
export class GetSterilisationBatchUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly batches: SterilisationBatchRepository,
  ) {}

  async execute(identity: Identity, query: GetSterilisationBatchQuery): Promise<SterilisationBatchSnapshot> {
    const batch = await this.uow.run(() => this.batches.findById(query.batchId, false));
    if (!batch)
      throw new OrderError(OrderErrorCode.NotFound, 'no sterilisation batch with this id', 'batchId');
    const found = batch.snapshot();
    SterilisationAccess.require(SterilisationAccess.canSee(identity, found), 'see this batch');
    return found;
  }
}
