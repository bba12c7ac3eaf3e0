import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { PurchasingError, PurchasingErrorCode } from '../../domain/purchasing-error';
import { PurchaseOrderRepository, RequisitionRepository } from '../../domain/purchasing.repository';
import { type Requisition } from '../../domain/requisition';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type CancelRequisitionCommand } from './cancel-requisition.command';

/**
 * CancelRequisition: the institution that raised a requisition cancels it while it is open. Once the centre has
 * aggregated it into purchase orders (or it was cancelled) it is FAILED_PRECONDITION REQUISITION_NOT_OPEN and nothing
 * changes; another institution's is NOT_FOUND, as for reads. It takes the group's purchasing lock, as a placement
 * does, so a cancellation and a placement racing cannot both take the same requisition. A retry answers the
 * requisition as it stands.
 */
@Injectable()
export class CancelRequisitionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: ClientRequests,
    private readonly requisitions: RequisitionRepository,
    private readonly orders: PurchaseOrderRepository,
  ) {}

  async execute(identity: Identity, command: CancelRequisitionCommand): Promise<Requisition> {
    const caller = PurchasingAccess.requisitioner(identity);
    return this.uow.run(async () => {
      await this.orders.lockGroup(caller.groupId);
      return this.requests.createOnce(clientRequestOf('cancel-requisition', command), {
        load: async (id) => (await this.requisitions.get(id))?.requisition ?? null,
        create: async () => {
          const found = await this.requisitions.get(command.requisitionId);
          if (
            !found ||
            found.groupId !== caller.groupId ||
            found.requisition.institutionId !== caller.institutionId
          ) {
            throw new PurchasingError(
              PurchasingErrorCode.NotFound,
              `no requisition ${command.requisitionId} of your institution`,
              'requisitionId',
            );
          }
          found.requisition.cancel();
          await this.requisitions.update(found.requisition);
          return { id: found.requisition.id, result: found.requisition };
        },
      });
    });
  }
}
