import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { Resident, type ResidentSnapshot } from '../../domain/resident';
import { ResidentEventPublisher } from '../../domain/resident-event-publisher';
import { ResidentRepository } from '../../domain/resident.repository';
import { canAccessResident, requireAllowed } from '../resident-access.policy';
import { ResidentGrids } from '../resident-grids';
import { type RegisterResidentCommand } from './register-resident.command';

/** RegisterResident: registers a resident of a grid (the group serving it, or city operators). */
@Injectable()
export class RegisterResidentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentRepository,
    private readonly grids: ResidentGrids,
    private readonly requests: ClientRequests,
    private readonly events: ResidentEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterResidentCommand): Promise<ResidentSnapshot> {
    return this.uow.run(async () => {
      const gridId = await this.grids.require(command.gridId);
      requireAllowed(
        canAccessResident(identity, [await this.grids.servingGroup(gridId)]),
        'register residents of this grid',
      );
      return this.requests.createOnce(clientRequestOf('register-resident', command), {
        load: async (id) => (await this.residents.findById(id))?.snapshot() ?? null,
        create: async () => {
          const resident = Resident.register({
            id: uuidv7(),
            residentId: command.residentId,
            name: command.name,
            phone: command.phone,
            gridId,
          });
          await this.residents.insert(resident);
          await this.events.publish([{ kind: 'resident-changed', resident: resident.snapshot() }]);
          return { id: resident.snapshot().id, result: resident.snapshot() };
        },
      });
    });
  }
}
