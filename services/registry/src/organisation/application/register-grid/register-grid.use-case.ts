import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { type Grid } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type RegisterGridCommand } from './register-grid.command';

/** RegisterGrid: registers a grid (网格) of a city (city operators). */
@Injectable()
export class RegisterGridUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly geography: GeographyRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterGridCommand): Promise<Grid> {
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register a grid');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-grid', command), {
        load: (id) => this.geography.findGrid(id),
        create: async () => {
          if (!(await this.geography.findCity(command.cityId))) {
            throw new OrganisationError(OrganisationErrorCode.UnknownCity, 'no city with this id', 'cityId');
          }
          const grid: Grid = { id: uuidv7(), cityId: command.cityId, code: command.code, name: command.name };
          await this.geography.insertGrid(grid);
          await this.events.publish([{ kind: 'grid-registered', grid }]);
          return { id: grid.id, result: grid };
        },
      }),
    );
  }
}
