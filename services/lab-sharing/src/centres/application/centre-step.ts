import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { CentreError, CentreErrorCode } from '../domain/centre-error';
import { CentreEventPublisher } from '../domain/centre-event-publisher';
import { type SharedCentre, type SharedCentreSnapshot } from '../domain/shared-centre';
import { SharedCentreRepository } from '../domain/shared-centre.repository';
import { CentreAccess } from './centre-access.policy';

/**
 * How every change to a stored centre runs (AddServedInstitution, RemoveServedInstitution, CloseCentre): found
 * and locked, the caller checked, a retry answered with the centre as it is now, the change stored from the
 * version read and announced in the same transaction. A change that changes nothing (closing a closed centre)
 * is neither stored nor announced.
 */
@Injectable()
export class CentreStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly centres: SharedCentreRepository,
    private readonly requests: ClientRequests,
    private readonly events: CentreEventPublisher,
  ) {}

  run<Command extends { readonly clientRequestId: string; readonly centreId: string }>(
    identity: Identity,
    operation: string,
    command: Command,
    action: string,
    apply: (centre: SharedCentre) => Promise<void>,
  ): Promise<SharedCentreSnapshot> {
    return this.uow.run(async () => {
      const centre = await this.centres.findForUpdate(command.centreId);
      if (!centre) throw new CentreError(CentreErrorCode.NotFound, 'no centre with this id', 'centreId');
      CentreAccess.require(CentreAccess.canManage(identity, centre.groupId), action);
      if (await this.requests.isRetry(clientRequestOf(operation, command), centre.id)) {
        return centre.snapshot();
      }
      const readVersion = centre.snapshot().version;
      await apply(centre);
      const events = centre.pullEvents();
      if (events.length > 0) {
        await this.centres.update(centre, readVersion);
        await this.events.centresChanged(events);
      }
      return centre.snapshot();
    });
  }
}
