import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type ResidentSnapshot } from '../../domain/resident';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { ResidentEventPublisher } from '../../domain/resident-event-publisher';
import { ResidentRepository } from '../../domain/resident.repository';
import { canAccessResident, requireAllowed } from '../resident-access.policy';
import { ResidentGrids } from '../resident-grids';
import { type UpdateResidentCommand } from './update-resident.command';

/**
 * UpdateResident: changes a resident's details; refuses if they changed since the caller read
 * them. A retry (same request id, same request) is answered with the resident as they are now.
 */
@Injectable()
export class UpdateResidentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentRepository,
    private readonly grids: ResidentGrids,
    private readonly requests: ClientRequests,
    private readonly events: ResidentEventPublisher,
  ) {}

  async execute(identity: Identity, command: UpdateResidentCommand): Promise<ResidentSnapshot> {
    return this.uow.run(async () => {
      const resident = await this.residents.findById(command.id, true);
      if (!resident) throw new ResidentError(ResidentErrorCode.NotFound, 'no resident with this id', 'id');
      const before = resident.snapshot();
      const gridId = await this.grids.require(command.gridId);
      requireAllowed(
        canAccessResident(identity, [await this.grids.servingGroup(before.gridId)]),
        'change this resident',
      );
      if (await this.requests.isRetry(clientRequestOf('update-resident', command), before.id)) return before;
      if (before.version !== command.expectedVersion) {
        throw new ResidentError(
          ResidentErrorCode.VersionConflict,
          `resident changed since version ${command.expectedVersion} (now ${before.version}); read again`,
          'expectedVersion',
        );
      }
      resident.update({ name: command.name, phone: command.phone, gridId });
      await this.residents.update(resident, before.version);
      await this.events.publish([{ kind: 'resident-changed', resident: resident.snapshot() }]);
      return resident.snapshot();
    });
  }
}
